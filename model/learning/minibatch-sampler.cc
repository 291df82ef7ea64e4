/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "minibatch-sampler.h"

#include <algorithm>

namespace ns3
{

MinibatchSampler::MinibatchSampler(std::vector<std::size_t> samples, uint64_t seed)
    : m_order(std::move(samples)),
      m_cursor(m_order.size()), // shuffle before the first batch
      m_rng(seed)
{
}

void
MinibatchSampler::Next(std::vector<int64_t>& batch)
{
    for (auto& index : batch)
    {
        if (m_cursor == m_order.size())
        {
            std::shuffle(m_order.begin(), m_order.end(), m_rng);
            m_cursor = 0;
        }
        index = static_cast<int64_t>(m_order[m_cursor++]);
    }
}

std::size_t
MinibatchSampler::Size() const
{
    return m_order.size();
}

} // namespace ns3
