/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_TRACE_COMPONENT_H
#define DIVSHARE_TRACE_COMPONENT_H

#include "experiment-component.h"

#include "ns3/congestion-tracer.h"
#include "ns3/network-animation.h"
#include "ns3/packet-capture.h"
#include "ns3/wifi-tracer.h"

namespace ns3
{

/**
 * \ingroup divshare
 * \brief What the study records of its network: congestion traces (links, queues, flows,
 * fragment latency), pcap files and messages.csv of chosen nodes, a NetAnim trace.
 */
class TraceComponent : public ExperimentComponent
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
    void Finish(ExperimentContext& context) override;
    void Write(const ExperimentContext& context) const override;

    /** \return the congestion tracer, or null without CongestionTraces (after Install) */
    CongestionTracer* GetCongestionTracer() const;

  protected:
    void DoDispose() override;

  private:
    bool m_congestionTraces;
    double m_traceInterval;
    std::string m_pcap;
    double m_netAnim;

    std::vector<uint32_t> m_pcapHosts; //!< by Configure()
    std::unique_ptr<CongestionTracer> m_tracer;
    std::unique_ptr<WifiTracer> m_wifiTracer; //!< with the congestion traces, on Wi-Fi cells
    std::unique_ptr<PacketCapture> m_capture;
    std::unique_ptr<NetworkAnimation> m_animation;
};

} // namespace ns3

#endif /* DIVSHARE_TRACE_COMPONENT_H */
