/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_NETWORK_COMPONENT_H
#define DIVSHARE_NETWORK_COMPONENT_H

#include "experiment-component.h"

#include "ns3/data-rate.h"
#include "ns3/network-options.h"

namespace ns3
{

/**
 * \ingroup divshare
 * \brief The study's network: a star with stragglers, or a topology file (the module's
 * format or Kollaps XML) with its cross traffic; links, queues, TCP, MTU and loss.
 *
 * Configure() describes the network (ExperimentContext::topology, crossTraffic), Build()
 * installs it, Install() starts the cross traffic.
 */
class NetworkComponent : public ExperimentComponent
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief Use this network instead of the one the Attributes describe.
     * \param topology the network; host i is learning node i
     * \param crossTraffic competing flows between its named nodes
     */
    void SetTopology(const NetworkTopology& topology,
                     const std::vector<CrossTrafficFlow>& crossTraffic);

    void CopyFrom(const ExperimentComponent& other) override;
    void Configure(ExperimentContext& context) override;
    void RefuseDistributed(const ExperimentContext& context,
                           const std::string& needs) const override;
    /**
     * \brief Build the nodes, links, stacks and queue disciplines.
     * \param context the configured study; its installed network is set
     */
    void Build(ExperimentContext& context) const;
    void Install(ExperimentContext& context) override;
    void Describe(RunDescription& run) const override;

    /** \return the options of the links, queues and TCP (after Configure) */
    const NetworkOptions& GetNetworkOptions() const;

  private:
    /** \return whether the network is read from a Kollaps file */
    bool IsKollaps() const;
    NetworkTopology MakeStar() const;
    void Read(ExperimentContext& context) const;

    std::string m_kind;
    std::string m_file;
    bool m_crossTrafficOn;
    bool m_allowIslands;
    uint32_t m_nodes;
    DataRate m_rate;
    Time m_delay;
    uint32_t m_stragglers;
    DataRate m_stragglerRate;
    std::string m_stragglerRateMax;
    DataRate m_intraRegionRate;
    Time m_intraRegionDelay;
    std::string m_queueDisc;
    std::string m_queueSize;
    std::string m_tcpVariant;
    uint32_t m_mtu;
    double m_errorRate;
    uint32_t m_tcpSegmentSize;

    bool m_given{false}; //!< SetTopology was called
    NetworkTopology m_givenTopology;
    std::vector<CrossTrafficFlow> m_givenCrossTraffic;
    NetworkOptions m_options;
    uint32_t m_islands{1};
};

} // namespace ns3

#endif /* DIVSHARE_NETWORK_COMPONENT_H */
