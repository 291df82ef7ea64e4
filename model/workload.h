/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_WORKLOAD_H
#define DIVSHARE_WORKLOAD_H

#include "classification-dataset.h"
#include "classification-learner.h"
#include "data-partition.h"
#include "learner.h"

#include <memory>
#include <string>

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
};

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

  private:
    std::string m_name;
    std::shared_ptr<const ClassificationDataset> m_train;
    std::shared_ptr<const ClassificationDataset> m_test;
    DataPartition m_partition;
    ClassifierConfig m_config;
    bool m_distinctInit;
};

} // namespace ns3

#endif /* DIVSHARE_WORKLOAD_H */
