/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "learner.h"

#include <c10/util/Exception.h>
#include <cstring>
#include <stdexcept>

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

EvaluationResult
Learner::Evaluate() const
{
    return Evaluate(GetParameters());
}

std::unique_ptr<Learner>
MakeLearnerChecked(const std::string& what, const std::function<std::unique_ptr<Learner>()>& make)
{
    try
    {
        return make();
    }
    catch (const c10::Error& error)
    {
        throw std::runtime_error(
            what + ": LibTorch cannot build the model: " + error.what_without_backtrace() +
            " (a smaller model or more memory is needed)");
    }
}

} // namespace ns3
