/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "trace-component.h"

#include "../common/topology-units.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/string.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TraceComponent");

NS_OBJECT_ENSURE_REGISTERED(TraceComponent);

TypeId
TraceComponent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TraceComponent")
            .SetParent<ExperimentComponent>()
            .SetGroupName("DivShare")
            .AddConstructor<TraceComponent>()
            .AddAttribute("CongestionTraces",
                          "Also write link-utilization.csv, queues.csv, flows.csv and "
                          "fragment-latency.csv (and wifi.csv on a network with Wi-Fi cells).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&TraceComponent::m_congestionTraces),
                          MakeBooleanChecker())
            .AddAttribute("TraceInterval",
                          "Simulated seconds between congestion-trace samples.",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&TraceComponent::m_traceInterval),
                          MakeDoubleChecker<double>(1e-4, MAX_SIMULATED_SECONDS))
            .AddAttribute("Pcap",
                          "Write pcap files of these learning nodes' devices, and the messages "
                          "they sent and received (messages.csv), into OutputDirectory/pcap: "
                          "all, or names or indices separated by ',' (empty: none).",
                          StringValue(""),
                          MakeStringAccessor(&TraceComponent::m_pcap),
                          MakeStringChecker())
            .AddAttribute("NetAnim",
                          "Write a NetAnim trace of the first this many simulated seconds into "
                          "OutputDirectory/netanim.xml: every packet on every link, and the "
                          "messages each node received (0: none; at most " +
                              std::to_string(NetworkAnimation::MAX_NODES) + " nodes).",
                          DoubleValue(0),
                          MakeDoubleAccessor(&TraceComponent::m_netAnim),
                          MakeDoubleChecker<double>(0, MAX_SIMULATED_SECONDS));
    return tid;
}

void
TraceComponent::DoDispose()
{
    m_tracer.reset();
    m_wifiTracer.reset();
    m_capture.reset();
    m_animation.reset();
    ExperimentComponent::DoDispose();
}

void
TraceComponent::Configure(ExperimentContext& context)
{
    if (!m_congestionTraces)
    {
        context.RefuseIgnored("TraceInterval", "{CongestionTraces} = false");
    }
    m_pcapHosts.clear();
    if (!m_pcap.empty())
    {
        try
        {
            m_pcapHosts = PacketCapture::Select(m_pcap, context.topology);
        }
        catch (const std::invalid_argument& error)
        {
            throw SettingError("Pcap",
                               "{Pcap} = '" + m_pcap + "': " + error.what() +
                                   "; write all, or nodes separated by ','");
        }
    }
    const std::string netAnim = "{NetAnim} = " + Text("NetAnim");
    if (m_netAnim > 0 && !NetworkAnimation::Unavailable().empty())
    {
        throw SettingError("NetAnim", netAnim + ": " + NetworkAnimation::Unavailable());
    }
    const auto& topology = context.topology;
    const auto animated =
        topology.hosts.size() + topology.routers.size() + topology.endpoints.size();
    if (m_netAnim > 0 && animated > NetworkAnimation::MAX_NODES)
    {
        throw SettingError("NetAnim",
                           netAnim + ": the network has " + std::to_string(animated) +
                               " nodes, more than NetAnim can show (" +
                               std::to_string(NetworkAnimation::MAX_NODES) +
                               "); animate a smaller network or set it to 0");
    }
    if (m_netAnim > context.stop.GetSeconds())
    {
        std::ostringstream duration;
        duration << context.stop.GetSeconds();
        throw SettingError("NetAnim",
                           netAnim + " s exceeds the run's {Duration} (" + duration.str() +
                               " s); lower it");
    }
    if (context.output.empty())
    {
        context.RefuseIgnored("Pcap", "{OutputDirectory} is empty: nowhere to write");
        context.RefuseIgnored("NetAnim", "{OutputDirectory} is empty: nowhere to write");
    }
}

void
TraceComponent::RefuseDistributed(const ExperimentContext&, const std::string& needs) const
{
    for (const auto& [attribute, used] : {std::make_pair("Pcap", !m_pcapHosts.empty()),
                                          std::make_pair("NetAnim", m_netAnim > 0),
                                          std::make_pair("CongestionTraces", m_congestionTraces)})
    {
        if (used)
        {
            throw SettingError(attribute,
                               "{" + std::string(attribute) + "} = " + Text(attribute) + needs +
                                   "{" + attribute + "}");
        }
    }
}

void
TraceComponent::Install(ExperimentContext& context)
{
    if (m_congestionTraces)
    {
        m_tracer = std::make_unique<CongestionTracer>(context.topology,
                                                      context.installed,
                                                      Seconds(m_traceInterval));
        m_tracer->WatchApplications(context.apps);
        m_tracer->Start(context.stop);
        if (!context.topology.cells.empty())
        {
            m_wifiTracer = std::make_unique<WifiTracer>(context.topology,
                                                        context.installed,
                                                        Seconds(m_traceInterval));
            m_wifiTracer->Start(context.stop);
        }
    }
    if (!m_pcapHosts.empty())
    {
        m_capture = std::make_unique<PacketCapture>(context.output + "/pcap",
                                                    m_pcapHosts,
                                                    context.topology,
                                                    context.installed,
                                                    context.apps);
    }
    if (m_netAnim > 0)
    {
        m_animation = std::make_unique<NetworkAnimation>(context.output + "/netanim.xml",
                                                         Seconds(m_netAnim),
                                                         context.topology,
                                                         context.installed,
                                                         context.apps);
    }
}

void
TraceComponent::Finish(ExperimentContext&)
{
    m_animation.reset(); // closes its file
    if (m_tracer)
    {
        m_tracer->Finish();
    }
}

void
TraceComponent::Write(const ExperimentContext& context) const
{
    if (m_tracer)
    {
        m_tracer->Write(context.output);
    }
    if (m_wifiTracer)
    {
        m_wifiTracer->Write(context.output);
    }
    if (m_capture)
    {
        m_capture->Write();
    }
}

CongestionTracer*
TraceComponent::GetCongestionTracer() const
{
    return m_tracer.get();
}

} // namespace ns3
