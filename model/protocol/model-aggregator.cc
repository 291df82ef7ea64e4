/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model-aggregator.h"

#include <stdexcept>
#include <string>

namespace ns3
{

ModelAggregator::Stats
ModelAggregator::Aggregate(std::vector<float>& model,
                           const FragmentInbox& inbox,
                           const ModelFragmenter& fragmenter)
{
    Stats stats;
    if (inbox.GetSize() == 0)
    {
        return stats;
    }
    if (model.size() != fragmenter.GetParameterCount())
    {
        throw std::invalid_argument("aggregator: model of " + std::to_string(model.size()) +
                                    " values, fragmenter for " +
                                    std::to_string(fragmenter.GetParameterCount()));
    }
    m_sum.assign(model.begin(), model.end());
    m_count.assign(model.size(), 0.0F);
    for (const auto& [key, entry] : inbox.GetEntries())
    {
        const auto& indices = fragmenter.GetIndices(key.second);
        if (entry.values.size() != indices.size())
        {
            throw std::invalid_argument("aggregator: fragment " + std::to_string(key.second) +
                                        " from node " + std::to_string(key.first) + " has " +
                                        std::to_string(entry.values.size()) + " values, expected " +
                                        std::to_string(indices.size()));
        }
        for (std::size_t j = 0; j < indices.size(); ++j)
        {
            m_sum[indices[j]] += entry.values[j];
            m_count[indices[j]] += 1.0F;
        }
        ++stats.fragments;
    }
    for (std::size_t k = 0; k < model.size(); ++k)
    {
        if (m_count[k] > 0.0F)
        {
            model[k] = m_sum[k] / (1.0F + m_count[k]);
            ++stats.coordinates;
        }
    }
    return stats;
}

} // namespace ns3
