/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "peer-sampling.h"

#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

namespace ns3
{

namespace
{

void
CheckSelf(uint32_t self, uint32_t nodes)
{
    if (nodes < 2 || self >= nodes)
    {
        throw std::invalid_argument("peer sampling: node " + std::to_string(self) + " among " +
                                    std::to_string(nodes) + " nodes has no peer");
    }
}

} // namespace

std::vector<uint32_t>
SampleDistinctPeers(uint32_t self, uint32_t nodes, uint32_t count, const BoundedRandom& random)
{
    CheckSelf(self, nodes);
    if (count > nodes - 1)
    {
        throw std::invalid_argument("peer sampling: cannot draw " + std::to_string(count) +
                                    " distinct peers among " + std::to_string(nodes - 1) +
                                    " other nodes");
    }
    // Candidates are the other nodes; a partial Fisher-Yates draws the first `count`.
    std::vector<uint32_t> candidates(nodes - 1);
    std::iota(candidates.begin(), candidates.end(), 0U);
    for (auto& c : candidates)
    {
        c += (c >= self) ? 1 : 0;
    }
    for (uint32_t i = 0; i < count; ++i)
    {
        const uint32_t j = i + random(static_cast<uint32_t>(candidates.size()) - i);
        std::swap(candidates[i], candidates[j]);
    }
    candidates.resize(count);
    return candidates;
}

std::vector<uint32_t>
SamplePeersWithReplacement(uint32_t self,
                           uint32_t nodes,
                           uint32_t count,
                           const BoundedRandom& random)
{
    CheckSelf(self, nodes);
    std::vector<uint32_t> peers(count);
    for (auto& peer : peers)
    {
        const uint32_t draw = random(nodes - 1);
        peer = draw >= self ? draw + 1 : draw;
    }
    return peers;
}

std::vector<FragmentTransmission>
PlanFragmentSends(uint32_t self,
                  uint32_t nodes,
                  uint32_t fragments,
                  uint32_t degree,
                  const BoundedRandom& random)
{
    std::vector<FragmentTransmission> plan;
    plan.reserve(static_cast<std::size_t>(fragments) * degree);
    for (uint32_t f = 0; f < fragments; ++f)
    {
        for (auto peer : SampleDistinctPeers(self, nodes, degree, random))
        {
            plan.push_back({peer, f});
        }
    }
    for (std::size_t i = plan.size(); i > 1; --i)
    {
        std::swap(plan[i - 1], plan[random(static_cast<uint32_t>(i))]);
    }
    return plan;
}

} // namespace ns3
