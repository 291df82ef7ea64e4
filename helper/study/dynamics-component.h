/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_DYNAMICS_COMPONENT_H
#define DIVSHARE_DYNAMICS_COMPONENT_H

#include "experiment-component.h"

#include "ns3/network-dynamics.h"
#include "ns3/network-events.h"

namespace ns3
{

/**
 * \ingroup divshare
 * \brief How the study's network changes during the run: the topology file's events, crashes,
 * events given as text or in a file, seeded churn, and when the nodes learn of membership
 * changes. Writes membership.csv.
 */
class DynamicsComponent : public ExperimentComponent
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    void Configure(ExperimentContext& context) override;
    void RefuseDistributed(const ExperimentContext& context,
                           const std::string& needs) const override;
    void Install(ExperimentContext& context) override;
    void Describe(RunDescription& run) const override;
    void Write(const ExperimentContext& context) const override;

  protected:
    void DoDispose() override;

  private:
    std::string m_crashes;
    std::string m_events;
    std::string m_eventsFile;
    Time m_membershipDelay;
    double m_churnRate;
    Time m_churnDowntime;

    ResolvedNetworkEvents m_resolved; //!< by Configure()
    std::unique_ptr<NetworkDynamics> m_dynamics;
};

} // namespace ns3

#endif /* DIVSHARE_DYNAMICS_COMPONENT_H */
