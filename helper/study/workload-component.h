/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_WORKLOAD_COMPONENT_H
#define DIVSHARE_WORKLOAD_COMPONENT_H

#include "experiment-component.h"

namespace ns3
{

/**
 * \ingroup divshare
 * \brief The study's learning task: the data set, its partition over the learning nodes, the
 * model and its local SGD. Configure() reads the data and sets ExperimentContext::workload.
 */
class WorkloadComponent : public ExperimentComponent
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /** \param workload use this task instead of the one the Attributes describe */
    void SetWorkload(std::shared_ptr<Workload> workload);

    void CopyFrom(const ExperimentComponent& other) override;
    void Configure(ExperimentContext& context) override;

  private:
    /** \return the task the Attributes describe, for this many nodes */
    std::shared_ptr<Workload> Make(uint32_t nodes, uint32_t seed) const;

    std::string m_dataset;
    std::string m_dataPath;
    std::string m_partition;
    std::string m_model;
    uint32_t m_mlpHidden;
    bool m_mfBiases;
    uint32_t m_batchSize;
    double m_learningRate;
    uint32_t m_testSamples;

    std::shared_ptr<Workload> m_given; //!< SetWorkload's
};

} // namespace ns3

#endif /* DIVSHARE_WORKLOAD_COMPONENT_H */
