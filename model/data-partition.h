/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_DATA_PARTITION_H
#define DIVSHARE_DATA_PARTITION_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Sample indices owned by each node: partition[node] lists that node's samples.
 */
using DataPartition = std::vector<std::vector<std::size_t>>;

/**
 * \ingroup divshare
 * \brief Spread samples uniformly at random over nodes (sizes differ by at most one).
 * \param samples number of samples
 * \param nodes number of nodes
 * \param seed shuffling seed
 * \return the partition
 */
DataPartition PartitionIid(std::size_t samples, uint32_t nodes, uint64_t seed);

/**
 * \ingroup divshare
 * \brief The k-shard non-IID partition (McMahan et al.): sort samples by label, cut them into
 * nodes * shardsPerNode equal shards, and give each node shardsPerNode random shards.
 * \param labels label of every sample
 * \param nodes number of nodes
 * \param shardsPerNode shards per node (k)
 * \param seed shard-assignment seed
 * \return the partition
 */
DataPartition PartitionShards(const std::vector<int64_t>& labels,
                              uint32_t nodes,
                              uint32_t shardsPerNode,
                              uint64_t seed);

} // namespace ns3

#endif /* DIVSHARE_DATA_PARTITION_H */
