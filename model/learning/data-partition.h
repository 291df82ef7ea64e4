/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_DATA_PARTITION_H
#define DIVSHARE_DATA_PARTITION_H

#include <cstddef>
#include <cstdint>
#include <string>
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
 * nodes * shardsPerNode contiguous shards, and give each node shardsPerNode random shards.
 *
 * Shard sizes differ by at most one so that every sample is owned. A shard of s samples taken
 * from label-sorted data spans at most ceil(s / m) + 1 classes, m being the smallest class size
 * it touches; a node therefore sees at most shardsPerNode times that many classes.
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

/**
 * \ingroup divshare
 * \brief The Dirichlet non-IID partition (Hsu et al.): for every class, draw node proportions
 * from Dirichlet(alpha, ..., alpha) and split that class's samples accordingly.
 *
 * Small alpha gives each node few classes, large alpha approaches an IID split. Draws that
 * leave a node without samples are redrawn (from the same seeded generator, so the result is
 * still determined by the seed).
 *
 * \param labels label of every sample, in [0, max label]
 * \param nodes number of nodes
 * \param alpha concentration, > 0
 * \param seed seed of the proportions and of the order within each class
 * \return the partition
 * \throws std::invalid_argument for alpha <= 0, more nodes than samples, or when no draw gives
 *         every node a sample
 */
DataPartition PartitionDirichlet(const std::vector<int64_t>& labels,
                                 uint32_t nodes,
                                 double alpha,
                                 uint64_t seed);

/**
 * \ingroup divshare
 * \brief Check a partition spec's form (see MakePartition) without any data.
 * \param spec the spec
 * \throws std::invalid_argument for an unknown or malformed spec, naming the accepted forms
 */
void CheckPartitionSpec(const std::string& spec);

/**
 * \ingroup divshare
 * \brief Build a partition from a textual spec.
 * \param spec "iid", "shards" (k = 5, the paper's), "shards:K" or "dirichlet:ALPHA"
 * \param labels label of every sample
 * \param nodes number of nodes
 * \param seed partition seed
 * \return the partition
 * \throws std::invalid_argument for an unknown or malformed spec, naming the accepted forms
 */
DataPartition MakePartition(const std::string& spec,
                            const std::vector<int64_t>& labels,
                            uint32_t nodes,
                            uint64_t seed);

/**
 * \ingroup divshare
 * \brief A one-line summary of a labelled partition: the spread of samples and classes per node,
 * then "node:samples/classes" for every node (the first 64 of a larger network).
 * \param partition the partition
 * \param labels label of every sample the partition refers to
 * \return the summary
 */
std::string SummarizePartition(const DataPartition& partition, const std::vector<int64_t>& labels);

} // namespace ns3

#endif /* DIVSHARE_DATA_PARTITION_H */
