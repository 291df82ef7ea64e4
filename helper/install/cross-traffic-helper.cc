/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "cross-traffic-helper.h"

#include "ns3/bulk-send-helper.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/on-off-helper.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DivShareCrossTraffic");

ApplicationContainer
CrossTrafficHelper::Install(const std::vector<CrossTrafficFlow>& flows,
                            const NetworkTopology& topology,
                            const InstalledTopology& installed,
                            Time end) const
{
    auto find = [&](const std::string& name) -> std::pair<Ptr<Node>, Ipv4Address> {
        for (uint32_t i = 0; i < topology.hosts.size(); ++i)
        {
            if (topology.hosts[i].name == name)
            {
                return {installed.hosts.Get(i), installed.addresses[i]};
            }
        }
        for (uint32_t i = 0; i < topology.endpoints.size(); ++i)
        {
            if (topology.endpoints[i].name == name)
            {
                return {installed.endpoints.Get(i), installed.endpointAddresses[i]};
            }
        }
        throw std::invalid_argument("cross traffic: no host or endpoint named '" + name + "'");
    };
    ApplicationContainer apps;
    for (std::size_t i = 0; i < flows.size(); ++i)
    {
        const auto& flow = flows[i];
        if (flow.from == flow.to)
        {
            throw std::invalid_argument("cross traffic: flow " + std::to_string(i) + " goes from " +
                                        flow.from + " to itself");
        }
        const auto [source, sourceAddress] = find(flow.from);
        const auto [sink, sinkAddress] = find(flow.to);
        const auto port = static_cast<uint16_t>(FirstPort + i);
        const std::string factory =
            flow.kind == CrossTrafficFlow::BULK ? "ns3::TcpSocketFactory" : "ns3::UdpSocketFactory";
        const Address to = InetSocketAddress(sinkAddress, port);

        PacketSinkHelper sinkHelper(factory, InetSocketAddress(Ipv4Address::GetAny(), port));
        ApplicationContainer sinkApp = sinkHelper.Install(sink);
        sinkApp.Start(Seconds(0));
        sinkApp.Stop(end);
        apps.Add(sinkApp);

        ApplicationContainer sourceApp;
        if (flow.kind == CrossTrafficFlow::BULK)
        {
            BulkSendHelper bulk(factory, to);
            bulk.SetAttribute("MaxBytes", UintegerValue(flow.maxBytes));
            sourceApp = bulk.Install(source);
        }
        else
        {
            OnOffHelper onoff(factory, to);
            onoff.SetConstantRate(flow.rate, flow.packetSize);
            onoff.SetAttribute("OnTime",
                               StringValue("ns3::ConstantRandomVariable[Constant=" +
                                           std::to_string(flow.onTime.GetSeconds()) + "]"));
            onoff.SetAttribute("OffTime",
                               StringValue("ns3::ConstantRandomVariable[Constant=" +
                                           std::to_string(flow.offTime.GetSeconds()) + "]"));
            sourceApp = onoff.Install(source);
        }
        sourceApp.Start(flow.start);
        sourceApp.Stop(flow.stop ? std::min(*flow.stop, end) : end);
        apps.Add(sourceApp);
        NS_LOG_INFO("cross traffic " << i << ": " << flow.from << " -> " << flow.to << " port "
                                     << port);
    }
    return apps;
}

} // namespace ns3
