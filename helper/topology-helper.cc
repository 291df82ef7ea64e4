/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "topology-helper.h"

#include "ns3/boolean.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/point-to-point-net-device.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DivShareTopologyHelper");

namespace
{

/** Join two nodes with a point-to-point link whose directions have their own rates. */
NetDeviceContainer
Connect(Ptr<Node> a, Ptr<Node> b, DataRate aToB, DataRate bToA, Time delay)
{
    PointToPointHelper p2p;
    p2p.SetChannelAttribute("Delay", TimeValue(delay));
    NetDeviceContainer devices = p2p.Install(a, b);
    DynamicCast<PointToPointNetDevice>(devices.Get(0))->SetDataRate(aToB);
    DynamicCast<PointToPointNetDevice>(devices.Get(1))->SetDataRate(bToA);
    return devices;
}

} // namespace

InstalledTopology
TopologyHelper::Install(const NetworkTopology& topology) const
{
    topology.Validate();
    InstalledTopology installed;
    installed.routers.Create(topology.routers.size());
    installed.hosts.Create(topology.hosts.size());
    InternetStackHelper stack;
    stack.Install(installed.routers);
    stack.Install(installed.hosts);

    Ipv4AddressHelper addresses("10.0.0.0", "255.255.255.252");
    for (std::size_t i = 0; i < topology.hosts.size(); ++i)
    {
        const auto& host = topology.hosts[i];
        auto devices = Connect(installed.hosts.Get(i),
                               installed.routers.Get(host.router),
                               host.uplink,
                               host.downlink,
                               host.delay);
        auto interfaces = addresses.Assign(devices);
        addresses.NewNetwork();
        installed.hostDevices.Add(devices.Get(0));
        installed.routerHostDevices.Add(devices.Get(1));
        installed.addresses.push_back(interfaces.GetAddress(0));
    }
    for (const auto& link : topology.links)
    {
        auto devices = Connect(installed.routers.Get(link.a),
                               installed.routers.Get(link.b),
                               link.rateAtoB,
                               link.rateBtoA,
                               link.delay);
        addresses.Assign(devices);
        addresses.NewNetwork();
        installed.routerLinkDevices.Add(devices);
    }
    for (auto* container : {&installed.routers, &installed.hosts})
    {
        for (auto it = container->Begin(); it != container->End(); ++it)
        {
            (*it)->GetObject<Ipv4>()->SetAttribute("WeakEsModel", BooleanValue(false));
        }
    }
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();
    NS_LOG_INFO("installed " << topology.hosts.size() << " hosts, " << topology.routers.size()
                             << " routers, " << topology.links.size() << " router links");
    return installed;
}

} // namespace ns3
