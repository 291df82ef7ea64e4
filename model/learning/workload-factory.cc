/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "workload-factory.h"

#include "cifar10-reader.h"
#include "data-partition.h"
#include "movielens-reader.h"

#include <stdexcept>

namespace ns3
{

std::unique_ptr<ClassificationWorkload>
MakeClassificationWorkload(const std::string& name,
                           std::shared_ptr<const ClassificationDataset> train,
                           std::shared_ptr<const ClassificationDataset> test,
                           uint32_t nodes,
                           const std::string& partitionSpec,
                           const ClassifierConfig& config,
                           uint64_t seed,
                           std::size_t testSubset)
{
    DataPartition partition;
    try
    {
        partition = MakePartition(partitionSpec, train->labels, nodes, seed + 1);
    }
    catch (const std::invalid_argument& e)
    {
        throw std::invalid_argument(name + ": " + e.what()); // say which data set
    }
    auto workload = std::make_unique<ClassificationWorkload>(name,
                                                             std::move(train),
                                                             std::move(test),
                                                             std::move(partition),
                                                             config);
    workload->SetTestSubset(testSubset, seed + 2);
    return workload;
}

std::unique_ptr<ClassificationWorkload>
MakeSyntheticWorkload(uint32_t nodes,
                      const std::string& partitionSpec,
                      const ClassifierConfig& config,
                      uint64_t seed,
                      std::size_t testSubset)
{
    SyntheticClassificationConfig data;
    data.seed = seed;
    auto train = std::make_shared<ClassificationDataset>();
    auto test = std::make_shared<ClassificationDataset>();
    MakeSyntheticClassification(data, *train, *test);
    return MakeClassificationWorkload("synthetic",
                                      train,
                                      test,
                                      nodes,
                                      partitionSpec,
                                      config,
                                      seed,
                                      testSubset);
}

std::unique_ptr<ClassificationWorkload>
MakeCifar10Workload(const std::string& directory,
                    uint32_t nodes,
                    const std::string& partitionSpec,
                    const ClassifierConfig& config,
                    uint64_t seed,
                    std::size_t testSubset)
{
    auto train = std::make_shared<ClassificationDataset>();
    auto test = std::make_shared<ClassificationDataset>();
    LoadCifar10(directory, *train, *test);
    return MakeClassificationWorkload("cifar10",
                                      std::move(train),
                                      std::move(test),
                                      nodes,
                                      partitionSpec,
                                      config,
                                      seed,
                                      testSubset);
}

std::unique_ptr<RatingWorkload>
MakeRatingWorkload(const std::string& name,
                   const RatingDataset& ratings,
                   uint32_t nodes,
                   const MatrixFactorizationConfig& config,
                   uint64_t seed,
                   std::size_t testSubset)
{
    if (nodes == 0 || nodes > ratings.NumUsers())
    {
        throw std::invalid_argument(name + ": " + std::to_string(nodes) + " nodes for " +
                                    std::to_string(ratings.NumUsers()) +
                                    " users; nodes own users, so use between 1 and " +
                                    std::to_string(ratings.NumUsers()) + " nodes");
    }
    auto train = std::make_shared<RatingDataset>();
    auto test = std::make_shared<RatingDataset>();
    // The reference's per-user 70/30 split.
    SplitRatingsPerUser(ratings, 0.7, seed, *train, *test);
    auto workload =
        std::make_unique<RatingWorkload>(name,
                                         std::move(train),
                                         std::move(test),
                                         PartitionIid(ratings.NumUsers(), nodes, seed + 1),
                                         config);
    workload->SetTestSubset(testSubset, seed + 2);
    return workload;
}

std::unique_ptr<RatingWorkload>
MakeMovieLensWorkload(const std::string& directory,
                      uint32_t nodes,
                      const MatrixFactorizationConfig& config,
                      uint64_t seed,
                      std::size_t testSubset)
{
    return MakeRatingWorkload("movielens",
                              LoadMovieLens(directory),
                              nodes,
                              config,
                              seed,
                              testSubset);
}

} // namespace ns3
