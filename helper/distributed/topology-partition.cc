/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "topology-partition.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>

namespace ns3
{

namespace
{

/** Contiguous blocks of about equal weight, each at least one item long. */
std::vector<uint32_t>
SplitByWeight(const std::vector<uint32_t>& weights, uint32_t ranks)
{
    const auto total = std::accumulate(weights.begin(), weights.end(), uint64_t{0});
    std::vector<uint32_t> rankOf(weights.size());
    uint32_t rank = 0;
    uint64_t sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i)
    {
        rankOf[i] = rank;
        sum += weights[i];
        const auto itemsLeft = weights.size() - i - 1;
        const auto ranksLeft = ranks - rank - 1;
        // Move on once this rank has its share, or when every later rank needs an item.
        if (ranksLeft > 0 && (sum * ranks >= total * (rank + 1) || itemsLeft == ranksLeft))
        {
            ++rank;
        }
    }
    return rankOf;
}

} // namespace

TopologyPartition
TopologyPartition::Make(const NetworkTopology& topology, uint32_t ranks)
{
    const std::string prefix = "ranks=" + std::to_string(ranks) + ": ";
    if (ranks == 0)
    {
        throw std::invalid_argument(prefix + "a run needs at least 1 rank");
    }
    const auto routers = static_cast<uint32_t>(topology.routers.size());
    const auto hosts = static_cast<uint32_t>(topology.hosts.size());
    TopologyPartition p;
    p.hostRank.assign(hosts, 0);
    p.routerRank.assign(routers, 0);
    p.endpointRank.assign(topology.endpoints.size(), 0);
    if (ranks == 1)
    {
        return p;
    }
    if (routers >= ranks)
    {
        std::vector<uint32_t> weights(routers, 1);
        for (const auto& host : topology.hosts)
        {
            ++weights[host.router];
        }
        p.routerRank = SplitByWeight(weights, ranks);
        for (uint32_t h = 0; h < hosts; ++h)
        {
            p.hostRank[h] = p.routerRank[topology.hosts[h].router];
        }
        for (std::size_t e = 0; e < topology.endpoints.size(); ++e)
        {
            p.endpointRank[e] = p.routerRank[topology.endpoints[e].router];
        }
    }
    else
    {
        if (hosts < ranks)
        {
            throw std::invalid_argument(prefix + "the topology has " + std::to_string(hosts) +
                                        " learning nodes behind " + std::to_string(routers) +
                                        " router(s), and each rank needs one; run with at most " +
                                        std::to_string(std::max(1U, hosts)) + " ranks");
        }
        for (uint32_t h = 0; h < hosts; ++h)
        {
            p.hostRank[h] = static_cast<uint32_t>(uint64_t{h} * ranks / hosts);
        }
    }

    // The lookahead, and a refusal of any cut link without a delay.
    std::optional<Time> lookahead;
    const auto cut =
        [&](uint32_t rankA, uint32_t rankB, const Time& delay, const std::string& link) {
            if (rankA == rankB)
            {
                return;
            }
            if (!delay.IsStrictlyPositive())
            {
                throw std::invalid_argument(
                    prefix + "the link between " + link + " joins rank " + std::to_string(rankA) +
                    " to rank " + std::to_string(rankB) +
                    " with no delay, and ranks can only be cut along links with one; give it a "
                    "delay or run with 1 rank");
            }
            lookahead = lookahead ? std::min(*lookahead, delay) : delay;
        };
    const auto access = [&](const HostSpec& host, uint32_t rank, const char* kind) {
        cut(rank,
            p.routerRank[host.router],
            host.delay,
            std::string(kind) + " '" + host.name + "' and router '" +
                topology.routers[host.router] + "'");
    };
    for (uint32_t h = 0; h < hosts; ++h)
    {
        access(topology.hosts[h], p.hostRank[h], "host");
    }
    for (std::size_t e = 0; e < topology.endpoints.size(); ++e)
    {
        access(topology.endpoints[e], p.endpointRank[e], "endpoint");
    }
    for (const auto& link : topology.links)
    {
        cut(p.routerRank[link.a],
            p.routerRank[link.b],
            link.delay,
            "routers '" + topology.routers[link.a] + "' and '" + topology.routers[link.b] + "'");
    }
    p.lookahead = lookahead.value_or(Time(0));
    return p;
}

uint32_t
TopologyPartition::CountHosts(uint32_t rank) const
{
    return static_cast<uint32_t>(std::count(hostRank.begin(), hostRank.end(), rank));
}

} // namespace ns3
