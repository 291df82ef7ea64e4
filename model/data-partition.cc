/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "data-partition.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>

namespace ns3
{

DataPartition
PartitionIid(std::size_t samples, uint32_t nodes, uint64_t seed)
{
    if (nodes == 0 || samples < nodes)
    {
        throw std::invalid_argument("IID partition: " + std::to_string(samples) +
                                    " samples cannot be spread over " + std::to_string(nodes) +
                                    " nodes; use fewer nodes or more data");
    }
    std::vector<std::size_t> order(samples);
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    DataPartition partition(nodes);
    for (std::size_t i = 0; i < samples; ++i)
    {
        partition[i % nodes].push_back(order[i]);
    }
    return partition;
}

DataPartition
PartitionShards(const std::vector<int64_t>& labels,
                uint32_t nodes,
                uint32_t shardsPerNode,
                uint64_t seed)
{
    const std::size_t shards = static_cast<std::size_t>(nodes) * shardsPerNode;
    if (nodes == 0 || shardsPerNode == 0 || labels.size() < shards)
    {
        throw std::invalid_argument("shard partition: " + std::to_string(labels.size()) +
                                    " samples cannot be cut into " + std::to_string(nodes) +
                                    " nodes x " + std::to_string(shardsPerNode) +
                                    " shards; use fewer nodes or shards");
    }
    std::vector<std::size_t> byLabel(labels.size());
    std::iota(byLabel.begin(), byLabel.end(), 0);
    std::stable_sort(byLabel.begin(), byLabel.end(), [&labels](std::size_t a, std::size_t b) {
        return labels[a] < labels[b];
    });
    std::vector<std::size_t> shardOrder(shards);
    std::iota(shardOrder.begin(), shardOrder.end(), 0);
    std::mt19937_64 rng(seed);
    std::shuffle(shardOrder.begin(), shardOrder.end(), rng);

    const std::size_t shardSize = labels.size() / shards; // the remainder is left out
    DataPartition partition(nodes);
    for (std::size_t slot = 0; slot < shards; ++slot)
    {
        const std::size_t shard = shardOrder[slot];
        auto& owner = partition[slot / shardsPerNode];
        owner.insert(owner.end(),
                     byLabel.begin() + shard * shardSize,
                     byLabel.begin() + (shard + 1) * shardSize);
    }
    return partition;
}

} // namespace ns3
