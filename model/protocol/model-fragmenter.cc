/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model-fragmenter.h"

#include "random-source.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace ns3
{

ModelFragmenter::ModelFragmenter(const std::vector<std::size_t>& tensorSizes,
                                 uint32_t fragments,
                                 uint64_t seed)
    : m_parameters(std::accumulate(tensorSizes.begin(), tensorSizes.end(), std::size_t{0}))
{
    if (fragments == 0 || fragments > m_parameters)
    {
        throw std::invalid_argument("fragmenter: cannot cut " + std::to_string(m_parameters) +
                                    " parameters into " + std::to_string(fragments) +
                                    " fragments; use between 1 and the parameter count");
    }
    if (m_parameters > std::numeric_limits<uint32_t>::max())
    {
        throw std::invalid_argument("fragmenter: models above 2^32 parameters are not supported");
    }
    m_indices.resize(fragments);
    RandomSource rng(seed);
    std::size_t offset = 0;
    std::vector<uint32_t> permutation;
    for (const auto size : tensorSizes)
    {
        permutation.resize(size);
        std::iota(permutation.begin(), permutation.end(), static_cast<uint32_t>(offset));
        rng.Shuffle(permutation);
        for (uint32_t f = 0; f < fragments; ++f)
        {
            // Slice f of the permutation; slices differ in length by at most one.
            const std::size_t begin = size * f / fragments;
            const std::size_t end = size * (f + 1) / fragments;
            m_indices[f].insert(m_indices[f].end(),
                                permutation.begin() + begin,
                                permutation.begin() + end);
        }
        offset += size;
    }
    // Ascending order makes gather and scatter sweep memory forwards.
    for (auto& indices : m_indices)
    {
        std::sort(indices.begin(), indices.end());
    }
}

uint32_t
ModelFragmenter::GetFragmentCount() const
{
    return static_cast<uint32_t>(m_indices.size());
}

std::size_t
ModelFragmenter::GetParameterCount() const
{
    return m_parameters;
}

const std::vector<uint32_t>&
ModelFragmenter::GetIndices(uint32_t fragment) const
{
    return m_indices.at(fragment);
}

std::vector<float>
ModelFragmenter::Extract(const std::vector<float>& model, uint32_t fragment) const
{
    if (model.size() != m_parameters)
    {
        throw std::invalid_argument("fragmenter: model of " + std::to_string(model.size()) +
                                    " values, expected " + std::to_string(m_parameters));
    }
    const auto& indices = m_indices.at(fragment);
    std::vector<float> values(indices.size());
    for (std::size_t j = 0; j < indices.size(); ++j)
    {
        values[j] = model[indices[j]];
    }
    return values;
}

} // namespace ns3
