/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "peer-sampling.h"

#include "random-source.h"

#include <algorithm>
#include <numeric>
#include <optional>
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

/**
 * \param seed a seed
 * \param salt what the derived seed is for
 * \return a seed for that purpose: one SplitMix64 output, so nearby salts (consecutive rounds)
 *         give unrelated streams rather than shifted copies of one stream
 */
uint64_t
DeriveSeed(uint64_t seed, uint64_t salt)
{
    return RandomSource(seed ^ (salt * 0xd1b54a32d192ed03ULL)).Next();
}

const uint64_t GRAPH_SALT = 0x6772617068ULL;  //!< "graph"
const uint64_t ROUNDS_SALT = 0x726f756e64ULL; //!< "round"
const uint32_t MAX_GRAPH_ATTEMPTS = 10000;    //!< draws before giving up on a regular graph

/**
 * \brief One attempt at pairing the stubs of a degree-regular graph.
 * \return the graph, or nothing if the pairing got stuck
 */
std::optional<Graph>
TryRegularPairing(uint32_t nodes, uint32_t degree, RandomSource& random)
{
    std::vector<uint32_t> stubs;
    stubs.reserve(static_cast<std::size_t>(nodes) * degree);
    for (uint32_t v = 0; v < nodes; ++v)
    {
        stubs.insert(stubs.end(), degree, v);
    }
    Graph graph(nodes);
    // Failed draws in a row before deciding that only unusable pairs are left.
    const uint32_t patience = 100 + 4 * static_cast<uint32_t>(stubs.size());
    uint32_t failures = 0;
    while (!stubs.empty())
    {
        const auto size = static_cast<uint32_t>(stubs.size());
        const uint32_t i = random.Below(size);
        const uint32_t j = random.Below(size);
        const uint32_t u = stubs[i];
        const uint32_t v = stubs[j];
        if (u == v || std::find(graph[u].begin(), graph[u].end(), v) != graph[u].end())
        {
            if (++failures > patience)
            {
                return std::nullopt;
            }
            continue;
        }
        failures = 0;
        graph[u].push_back(v);
        graph[v].push_back(u);
        // Remove both stubs, the higher index first so that the lower one stays valid.
        for (auto k : {std::max(i, j), std::min(i, j)})
        {
            stubs[k] = stubs.back();
            stubs.pop_back();
        }
    }
    return graph;
}

bool
IsConnected(const Graph& graph)
{
    std::vector<bool> seen(graph.size(), false);
    std::vector<uint32_t> stack{0};
    seen[0] = true;
    std::size_t reached = 1;
    while (!stack.empty())
    {
        const uint32_t v = stack.back();
        stack.pop_back();
        for (auto w : graph[v])
        {
            if (!seen[w])
            {
                seen[w] = true;
                ++reached;
                stack.push_back(w);
            }
        }
    }
    return reached == graph.size();
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

Graph
MakeRandomRegularGraph(uint32_t nodes, uint32_t degree, uint64_t seed)
{
    if (nodes < 2 || degree < 1 || degree >= nodes ||
        (static_cast<uint64_t>(nodes) * degree) % 2 != 0 || (degree == 1 && nodes > 2))
    {
        throw std::invalid_argument("no connected " + std::to_string(degree) +
                                    "-regular graph on " + std::to_string(nodes) +
                                    " nodes (the degree must be in [1, nodes - 1], nodes x "
                                    "degree even, and degree 1 needs exactly 2 nodes)");
    }
    Graph graph(nodes);
    if (degree == nodes - 1)
    {
        for (uint32_t v = 0; v < nodes; ++v)
        {
            for (uint32_t w = 0; w < nodes; ++w)
            {
                if (w != v)
                {
                    graph[v].push_back(w);
                }
            }
        }
        return graph;
    }
    RandomSource random(DeriveSeed(seed, GRAPH_SALT));
    for (uint32_t attempt = 0; attempt < MAX_GRAPH_ATTEMPTS; ++attempt)
    {
        auto drawn = TryRegularPairing(nodes, degree, random);
        if (drawn && IsConnected(*drawn))
        {
            for (auto& neighbours : *drawn)
            {
                std::sort(neighbours.begin(), neighbours.end());
            }
            return *drawn;
        }
    }
    throw std::invalid_argument("could not draw a connected " + std::to_string(degree) +
                                "-regular graph on " + std::to_string(nodes) + " nodes in " +
                                std::to_string(MAX_GRAPH_ATTEMPTS) + " attempts");
}

RoundPeers
SampleRegularRoundPeers(uint32_t self,
                        uint32_t nodes,
                        uint32_t fanout,
                        uint64_t seed,
                        uint32_t round)
{
    CheckSelf(self, nodes);
    if (fanout < 1 || fanout > nodes - 1)
    {
        throw std::invalid_argument("epidemic round: fan-out " + std::to_string(fanout) +
                                    " outside [1, " + std::to_string(nodes - 1) + "]");
    }
    std::vector<uint32_t> order(nodes);
    std::iota(order.begin(), order.end(), 0U);
    RandomSource(DeriveSeed(DeriveSeed(seed, ROUNDS_SALT), round)).Shuffle(order);
    const auto position =
        static_cast<uint32_t>(std::find(order.begin(), order.end(), self) - order.begin());
    RoundPeers peers;
    for (uint32_t m = 1; m <= fanout; ++m)
    {
        peers.out.push_back(order[(position + m) % nodes]);
        peers.in.push_back(order[(position + nodes - m) % nodes]);
    }
    return peers;
}

} // namespace ns3
