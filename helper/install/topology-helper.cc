/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "topology-helper.h"

#include "ns3/boolean.h"
#include "ns3/distributed-run.h"
#include "ns3/drop-tail-queue.h"
#include "ns3/error-model.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/ipv4-list-routing.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-subnet-routing.h"
#include "ns3/ipv4.h"
#include "ns3/jitter-channel.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device-queue-interface.h"
#include "ns3/node.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/queue.h"
#include "ns3/traffic-control-helper.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-access-helper.h"

#include <optional>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DivShareTopologyHelper");

namespace
{

/**
 * Install the configured queue discipline on a router's egress device. Runs before the
 * device gets an address: address assignment installs ns-3's default discipline on devices
 * that have none.
 */
void
SetRouterQueue(Ptr<PointToPointNetDevice> device,
               const NetworkOptions& options,
               const std::optional<QueueSize>& linkQueue)
{
    const std::string disc = options.EffectiveQueueDisc(linkQueue);
    if (disc == "default")
    {
        return;
    }
    TrafficControlHelper tch;
    const auto size = linkQueue ? linkQueue : options.queueSize;
    if (size)
    {
        tch.SetRootQueueDisc(NetworkOptions::QueueDiscTypeId(disc),
                             "MaxSize",
                             QueueSizeValue(*size));
    }
    else
    {
        tch.SetRootQueueDisc(NetworkOptions::QueueDiscTypeId(disc));
    }
    tch.Install(device);
    // The backlog must wait in the discipline, not in the device's own 100-packet queue.
    device->GetQueue()->SetMaxSize(QueueSize("1p"));
}

} // namespace

Ptr<NetDevice>
InstalledLink::HostDevice() const
{
    return station ? station : Ptr<NetDevice>(deviceA);
}

Ptr<NetDevice>
InstalledLink::GatewayDevice() const
{
    return accessPoint ? accessPoint : Ptr<NetDevice>(deviceB);
}

void
TopologyHelper::SetLoss(Ptr<PointToPointNetDevice> device, double loss)
{
    auto model = CreateObject<RateErrorModel>();
    model->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
    model->SetRate(loss);
    device->SetReceiveErrorModel(model);
}

NetDeviceContainer
TopologyHelper::InstallLink(Ptr<Node> a, Ptr<Node> b, Time delay, uint32_t mtu)
{
    // What PointToPointHelper::Install does for two nodes of one rank, in its order (so that
    // MAC addresses and object ids are the same), with a JitterChannel.
    NetDeviceContainer devices;
    for (const auto& node : {a, b})
    {
        auto device = CreateObject<PointToPointNetDevice>();
        device->SetAttribute("Mtu", UintegerValue(mtu));
        device->SetAddress(Mac48Address::Allocate());
        node->AddDevice(device);
        device->SetQueue(CreateObject<DropTailQueue<Packet>>());
        devices.Add(device);
    }
    for (uint32_t i = 0; i < devices.GetN(); ++i)
    {
        // Flow control, as the helper's default: the queue discipline sees the device's queue.
        auto interface = CreateObject<NetDeviceQueueInterface>();
        auto device = DynamicCast<PointToPointNetDevice>(devices.Get(i));
        interface->GetTxQueue(0)->ConnectQueueTraces(device->GetQueue());
        device->AggregateObject(interface);
    }
    auto channel = CreateObject<JitterChannel>();
    channel->SetAttribute("Delay", TimeValue(delay));
    for (uint32_t i = 0; i < devices.GetN(); ++i)
    {
        DynamicCast<PointToPointNetDevice>(devices.Get(i))->Attach(channel);
    }
    return devices;
}

void
TopologyHelper::SetShape(Ptr<PointToPointNetDevice> sender, Time delay, Time jitter)
{
    auto channel = DynamicCast<JitterChannel>(sender->GetChannel());
    if (!channel)
    {
        throw std::logic_error("TopologyHelper::SetShape: a link between ranks");
    }
    channel->SetDirection(channel->GetPointToPointDevice(0) == sender ? 0 : 1, delay, jitter);
}

void
TopologyHelper::SetPartition(const TopologyPartition& partition)
{
    m_partition = partition;
}

InstalledTopology
TopologyHelper::Install(const NetworkTopology& topology, const NetworkOptions& options) const
{
    topology.Validate();
    InstalledTopology installed;
    // Node ids follow creation order: routers, hosts, endpoints, whatever their ranks.
    auto create = [](NodeContainer& nodes, std::size_t count, const std::vector<uint32_t>& rank) {
        for (std::size_t i = 0; i < count; ++i)
        {
            nodes.Add(CreateObject<Node>(rank.empty() ? 0 : rank.at(i)));
        }
    };
    create(installed.routers, topology.routers.size(), m_partition.routerRank);
    create(installed.hosts, topology.hosts.size(), m_partition.hostRank);
    create(installed.endpoints, topology.endpoints.size(), m_partition.endpointRank);
    InternetStackHelper stack;
    stack.Install(installed.routers);
    stack.Install(installed.hosts);
    stack.Install(installed.endpoints);
    // Cells first: their own addresses (172.16/12), so the /30s of wires stay as they were.
    const auto stations =
        WifiAccessHelper::Install(topology, installed.routers, installed.hosts, options.mtu);

    Ipv4AddressHelper addresses("10.0.0.0", "255.255.255.252");
    // Join two nodes with a point-to-point link whose directions have their own rates (and,
    // from directed Kollaps links, their own delay, jitter and loss).
    auto connect = [&](Ptr<Node> a,
                       Ptr<Node> b,
                       DataRate aToB,
                       DataRate bToA,
                       const LinkDirection& forward,
                       const std::optional<LinkDirection>& back,
                       const std::optional<QueueSize>& queue,
                       bool routerA) {
        const bool shaped = forward.jitter.IsStrictlyPositive() || back.has_value();
        NetDeviceContainer devices;
        if (a->GetSystemId() == DistributedRun::GetRank() &&
            b->GetSystemId() == DistributedRun::GetRank())
        {
            devices = InstallLink(a, b, forward.delay, options.mtu);
        }
        else
        {
            if (shaped)
            {
                // ExperimentHelper refuses such networks in distributed runs.
                throw std::logic_error("TopologyHelper: jitter or per-direction delays on a "
                                       "link between ranks");
            }
            // ns-3's helper, as PointToPointHelper decides: a remote channel.
            PointToPointHelper p2p;
            p2p.SetChannelAttribute("Delay", TimeValue(forward.delay));
            p2p.SetDeviceAttribute("Mtu", UintegerValue(options.mtu));
            devices = p2p.Install(a, b);
        }
        auto deviceA = DynamicCast<PointToPointNetDevice>(devices.Get(0));
        auto deviceB = DynamicCast<PointToPointNetDevice>(devices.Get(1));
        deviceA->SetDataRate(aToB);
        deviceB->SetDataRate(bToA);
        if (shaped)
        {
            const auto& reverse = back.value_or(forward);
            SetShape(deviceA, forward.delay, forward.jitter);
            SetShape(deviceB, reverse.delay, reverse.jitter);
        }
        // A device's receive error model drops what the other end sent toward it (A's
        // first: the error models' random streams follow their creation order).
        const double lossAtoB = forward.loss > 0 ? forward.loss : options.errorRate;
        const double lossBtoA = back ? (back->loss > 0 ? back->loss : options.errorRate) : lossAtoB;
        if (lossBtoA > 0)
        {
            SetLoss(deviceA, lossBtoA);
        }
        if (lossAtoB > 0)
        {
            SetLoss(deviceB, lossAtoB);
        }
        if (routerA)
        {
            SetRouterQueue(deviceA, options, queue);
        }
        SetRouterQueue(deviceB, options, queue);
        auto interfaces = addresses.Assign(devices);
        addresses.NewNetwork();
        return std::make_tuple(devices, interfaces.GetAddress(0), interfaces.GetAddress(1));
    };
    // A host (or endpoint) has one link, to its router: a default route through it is its
    // whole routing table. Without one, every packet it sends scans a global-routing table
    // with a route to every other host's subnet.
    Ipv4StaticRoutingHelper staticRouting;
    auto attach = [&](Ptr<Node> node, const auto& host) {
        auto [devices, address, router] = connect(node,
                                                  installed.routers.Get(host.router),
                                                  host.uplink,
                                                  host.downlink,
                                                  {host.delay, host.jitter, host.loss},
                                                  host.back,
                                                  host.queue,
                                                  false);
        staticRouting.GetStaticRouting(node->GetObject<Ipv4>())->SetDefaultRoute(router, 1);
        installed.links.push_back({host.name,
                                   topology.routers[host.router],
                                   false,
                                   DynamicCast<PointToPointNetDevice>(devices.Get(0)),
                                   DynamicCast<PointToPointNetDevice>(devices.Get(1)),
                                   nullptr,
                                   nullptr});
        return std::make_pair(devices, address);
    };
    for (std::size_t i = 0; i < topology.hosts.size(); ++i)
    {
        if (auto station = stations.find(i); station != stations.end())
        {
            const auto& s = station->second;
            installed.hostDevices.Add(s.device);
            installed.routerHostDevices.Add(s.accessPoint);
            installed.addresses.push_back(s.address);
            installed.links.push_back({topology.hosts[i].name,
                                       topology.routers[topology.hosts[i].router],
                                       false,
                                       nullptr,
                                       nullptr,
                                       s.device,
                                       s.accessPoint});
            continue;
        }
        auto [devices, address] = attach(installed.hosts.Get(i), topology.hosts[i]);
        installed.hostDevices.Add(devices.Get(0));
        installed.routerHostDevices.Add(devices.Get(1));
        installed.addresses.push_back(address);
    }
    for (std::size_t i = 0; i < topology.endpoints.size(); ++i)
    {
        installed.endpointAddresses.push_back(
            attach(installed.endpoints.Get(i), topology.endpoints[i]).second);
    }
    for (const auto& link : topology.links)
    {
        auto [devices, address, other] = connect(installed.routers.Get(link.a),
                                                 installed.routers.Get(link.b),
                                                 link.rateAtoB,
                                                 link.rateBtoA,
                                                 {link.delay, link.jitter, link.loss},
                                                 link.back,
                                                 link.queue,
                                                 true);
        installed.routerLinkDevices.Add(devices);
        installed.links.push_back({topology.routers[link.a],
                                   topology.routers[link.b],
                                   true,
                                   DynamicCast<PointToPointNetDevice>(devices.Get(0)),
                                   DynamicCast<PointToPointNetDevice>(devices.Get(1)),
                                   nullptr,
                                   nullptr});
    }
    for (auto* container : {&installed.routers, &installed.hosts, &installed.endpoints})
    {
        for (auto it = container->Begin(); it != container->End(); ++it)
        {
            // ns-3.41 deprecated WeakEsModel for StrongEndSystemModel; 3.48 no longer has it.
            Ptr<Ipv4> ipv4 = (*it)->GetObject<Ipv4>();
            if (!ipv4->SetAttributeFailSafe("StrongEndSystemModel", BooleanValue(true)))
            {
                ipv4->SetAttribute("WeakEsModel", BooleanValue(false));
            }
        }
    }
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();
    // Above static and global routing, the same routes in hash tables: their scans over one
    // route per subnet would make every forwarded packet cost more the more hosts there are.
    for (auto it = installed.routers.Begin(); it != installed.routers.End(); ++it)
    {
        auto list = DynamicCast<Ipv4ListRouting>((*it)->GetObject<Ipv4>()->GetRoutingProtocol());
        list->AddRoutingProtocol(CreateObject<Ipv4SubnetRouting>(), 10);
    }
    NS_LOG_INFO("installed " << topology.hosts.size() << " hosts, " << topology.endpoints.size()
                             << " endpoints, " << topology.routers.size() << " routers, "
                             << topology.links.size() << " router links, queue discipline "
                             << options.queueDisc);
    return installed;
}

} // namespace ns3
