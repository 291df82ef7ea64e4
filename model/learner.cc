/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "learner.h"

// Only the thread-pool header: the full <torch/torch.h> costs seconds of compile time.
#include <ATen/Parallel.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <thread>

namespace ns3
{

Learner::~Learner() = default;

std::size_t
Learner::GetParameterCount() const
{
    std::size_t count = 0;
    for (const auto& span : GetParameterSpans())
    {
        count += span.size;
    }
    return count;
}

std::vector<std::size_t>
Learner::GetTensorSizes() const
{
    std::vector<std::size_t> sizes;
    for (const auto& span : GetParameterSpans())
    {
        sizes.push_back(span.size);
    }
    return sizes;
}

std::vector<float>
Learner::GetParameters() const
{
    std::vector<float> flat;
    flat.reserve(GetParameterCount());
    for (const auto& span : GetParameterSpans())
    {
        flat.insert(flat.end(), span.data, span.data + span.size);
    }
    return flat;
}

void
Learner::SetParameters(const std::vector<float>& parameters)
{
    if (parameters.size() != GetParameterCount())
    {
        throw std::invalid_argument("Learner::SetParameters: got " +
                                    std::to_string(parameters.size()) + " values for a model of " +
                                    std::to_string(GetParameterCount()) + " parameters");
    }
    const float* next = parameters.data();
    for (const auto& span : GetParameterSpans())
    {
        std::memcpy(span.data, next, span.size * sizeof(float));
        next += span.size;
    }
}

void
SetLearningThreads(uint32_t threads)
{
    if (threads == 0)
    {
        threads = std::max(1U, std::thread::hardware_concurrency());
    }
    at::set_num_threads(static_cast<int>(threads));
}

uint32_t
GetLearningThreads()
{
    return static_cast<uint32_t>(at::get_num_threads());
}

} // namespace ns3
