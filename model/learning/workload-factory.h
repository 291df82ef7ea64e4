/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_WORKLOAD_FACTORY_H
#define DIVSHARE_WORKLOAD_FACTORY_H

#include "classification-dataset.h"
#include "classification-learner.h"
#include "matrix-factorization-learner.h"
#include "rating-dataset.h"
#include "rating-workload.h"
#include "synthetic-classification.h"
#include "workload.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Build a classification workload: partition a training set over nodes.
 *
 * Everything random about the data follows from seed: the partition uses seed + 1, the test
 * subset seed + 2. The model's seeds (config.initSeed, config.samplingSeed) are used as given.
 *
 * \param name short name for outputs
 * \param train the training set, shared by all nodes
 * \param test the test set
 * \param nodes number of nodes
 * \param partitionSpec "iid", "shards" (5 per node), "shards:K" or "dirichlet:ALPHA"
 * \param config classifier recipe
 * \param seed the run seed
 * \param testSubset evaluate on a fixed random subset of this many test samples; 0: all
 * \return the workload
 * \throws std::invalid_argument for a bad spec, more nodes than samples, or a test subset
 *         larger than the test set
 */
std::unique_ptr<ClassificationWorkload> MakeClassificationWorkload(
    const std::string& name,
    std::shared_ptr<const ClassificationDataset> train,
    std::shared_ptr<const ClassificationDataset> test,
    uint32_t nodes,
    const std::string& partitionSpec,
    const ClassifierConfig& config,
    uint64_t seed,
    std::size_t testSubset = 0);

/**
 * \ingroup divshare
 * \brief Build the synthetic Gaussian-mixture workload (tests, quick start): the data of
 * MakeSyntheticClassification() drawn from seed, partitioned as MakeClassificationWorkload
 * does; its name is "synthetic".
 * \param nodes number of nodes
 * \param partitionSpec as MakeClassificationWorkload
 * \param config classifier recipe
 * \param seed the run seed (also the data's)
 * \param testSubset as MakeClassificationWorkload
 * \return the workload
 */
std::unique_ptr<ClassificationWorkload> MakeSyntheticWorkload(uint32_t nodes,
                                                              const std::string& partitionSpec,
                                                              const ClassifierConfig& config,
                                                              uint64_t seed,
                                                              std::size_t testSubset = 0);

/**
 * \ingroup divshare
 * \brief Build the CIFAR-10 workload from the official binary files (see LoadCifar10), with
 * the training set partitioned as MakeClassificationWorkload does; its name is "cifar10".
 *
 * Loading takes a few seconds and about 740 MB (the data set as float32, once for all nodes).
 * For the paper's setting use config.model = "gn-lenet" and partitionSpec "shards".
 *
 * \param directory the cifar-10-batches-bin folder
 * \param nodes number of nodes
 * \param partitionSpec as MakeClassificationWorkload
 * \param config classifier recipe
 * \param seed the run seed
 * \param testSubset as MakeClassificationWorkload
 * \return the workload
 * \throws std::runtime_error for missing or malformed files, std::invalid_argument as
 *         MakeClassificationWorkload
 */
std::unique_ptr<ClassificationWorkload> MakeCifar10Workload(const std::string& directory,
                                                            uint32_t nodes,
                                                            const std::string& partitionSpec,
                                                            const ClassifierConfig& config,
                                                            uint64_t seed,
                                                            std::size_t testSubset = 0);

/**
 * \ingroup divshare
 * \brief Build a rating workload: split every user's ratings 70/30 into train and test (seed),
 * and spread the users uniformly at random over the nodes (seed + 1); a test subset uses
 * seed + 2. The model's seeds come from config.
 *
 * \param name short name for outputs
 * \param ratings all ratings
 * \param nodes number of nodes, at most the number of users
 * \param config model recipe
 * \param seed the run seed
 * \param testSubset evaluate on a fixed random subset of this many test ratings; 0: all
 * \return the workload
 * \throws std::invalid_argument naming the counts and the fix for more nodes than users, or a
 *         test subset larger than the test set
 */
std::unique_ptr<RatingWorkload> MakeRatingWorkload(const std::string& name,
                                                   const RatingDataset& ratings,
                                                   uint32_t nodes,
                                                   const MatrixFactorizationConfig& config,
                                                   uint64_t seed,
                                                   std::size_t testSubset = 0);

/**
 * \ingroup divshare
 * \brief Build the MovieLens workload from a folder (see LoadMovieLens) as MakeRatingWorkload
 * does; its name is "movielens".
 * \param directory the ml-latest-small or ml-100k folder
 * \param nodes number of nodes, at most the number of users (610 for latest-small)
 * \param config model recipe
 * \param seed the run seed
 * \param testSubset as MakeRatingWorkload
 * \return the workload
 * \throws std::runtime_error for missing or malformed files, std::invalid_argument as
 *         MakeRatingWorkload
 */
std::unique_ptr<RatingWorkload> MakeMovieLensWorkload(const std::string& directory,
                                                      uint32_t nodes,
                                                      const MatrixFactorizationConfig& config,
                                                      uint64_t seed,
                                                      std::size_t testSubset = 0);

} // namespace ns3

#endif /* DIVSHARE_WORKLOAD_FACTORY_H */
