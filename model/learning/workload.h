/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_WORKLOAD_H
#define DIVSHARE_WORKLOAD_H

#include "classification-dataset.h"
#include "classification-learner.h"
#include "data-partition.h"
#include "learner.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief A learning task shared by all nodes of a run: data, partition and model recipe.
 *
 * The applications ask it for one Learner per node; everything heavy (data sets) is loaded
 * once and shared read-only.
 */
class Workload
{
  public:
    virtual ~Workload();
    /** \return a short name for outputs, e.g. "synthetic" or "cifar10" */
    virtual std::string GetName() const = 0;
    /** \return the number of nodes the data are partitioned over */
    virtual uint32_t GetNodeCount() const = 0;
    /**
     * \param node node index in [0, GetNodeCount())
     * \return a new learner holding that node's data and initial model
     */
    virtual std::unique_ptr<Learner> CreateLearner(uint32_t node) const = 0;
    /** \return a human-readable summary of the data and partition */
    virtual std::string Describe() const = 0;
    /** \return true when the task has an accuracy (classification), false for rating tasks */
    virtual bool HasAccuracy() const;
    /**
     * \brief Evaluate the learners created from now on on a fixed random subset of the test
     * set instead of all of it (evaluations cost much wall time); Describe() reports it.
     * \param size number of test samples; 0 means the whole test set
     * \param seed seed of the subset: the same seed gives the same subset
     * \throws std::invalid_argument when size exceeds the test set
     */
    virtual void SetTestSubset(std::size_t size, uint64_t seed) = 0;
};

/**
 * \ingroup divshare
 * \brief Choose a fixed random subset of a test set.
 * \param available size of the test set
 * \param size size of the subset, at most available
 * \param seed subset seed
 * \param what name of the data set, for the error message
 * \return size distinct indices in ascending order
 * \throws std::invalid_argument when size exceeds available
 */
std::vector<std::size_t> DrawTestSubset(std::size_t available,
                                        std::size_t size,
                                        uint64_t seed,
                                        const std::string& what);

/**
 * \ingroup divshare
 * \brief Describe which test samples evaluations use, e.g. "test: all 10000 samples".
 * \param used samples evaluated
 * \param available size of the whole test set
 * \param seed subset seed, reported when used < available
 * \return the description
 */
std::string DescribeTestSet(std::size_t used, std::size_t available, uint64_t seed);

/**
 * \ingroup divshare
 * \brief A classification task: shared train/test sets, a partition and a classifier recipe.
 *
 * Node i trains on partition[i]; its initial weights are drawn from initSeed (identical on
 * all nodes, as in the reference code) unless distinctInit is set, and its mini-batch order
 * from the run seed and its index.
 */
class ClassificationWorkload : public Workload
{
  public:
    /**
     * \param name short name for outputs
     * \param train shared training set
     * \param test shared test set
     * \param partition training sample indices per node
     * \param config classifier recipe; its seeds are the bases of the per-node seeds
     * \param distinctInit give every node different initial weights
     */
    ClassificationWorkload(std::string name,
                           std::shared_ptr<const ClassificationDataset> train,
                           std::shared_ptr<const ClassificationDataset> test,
                           DataPartition partition,
                           ClassifierConfig config,
                           bool distinctInit = false);

    std::string GetName() const override;
    uint32_t GetNodeCount() const override;
    std::unique_ptr<Learner> CreateLearner(uint32_t node) const override;
    std::string Describe() const override;
    void SetTestSubset(std::size_t size, uint64_t seed) override;

  private:
    std::string m_name;
    std::shared_ptr<const ClassificationDataset> m_train;
    std::shared_ptr<const ClassificationDataset> m_fullTest; //!< the whole test set
    std::shared_ptr<const ClassificationDataset> m_test;     //!< the samples evaluated
    uint64_t m_testSubsetSeed{0};                            //!< seed of m_test if a subset
    DataPartition m_partition;
    ClassifierConfig m_config;
    bool m_distinctInit;
};

} // namespace ns3

#endif /* DIVSHARE_WORKLOAD_H */
