/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ipv4-subnet-routing.h"

#include "ns3/boolean.h"
#if __has_include("ns3/global-routing.h")
#include "ns3/global-routing.h" // ns-3.45 and later: one template for IPv4 and IPv6
#else
#include "ns3/ipv4-global-routing.h"
#endif
#include "ns3/ipv4-list-routing.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/log.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/uinteger.h"

#include <map>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ipv4SubnetRouting");

NS_OBJECT_ENSURE_REGISTERED(Ipv4SubnetRouting);

TypeId
Ipv4SubnetRouting::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Ipv4SubnetRouting")
            .SetParent<Ipv4RoutingProtocol>()
            .SetGroupName("DivShare")
            .AddConstructor<Ipv4SubnetRouting>()
            .AddAttribute("PrefixLength",
                          "The prefix length of every link's subnet; a route to a subnet of "
                          "another length makes the protocol step aside.",
                          UintegerValue(30),
                          MakeUintegerAccessor(&Ipv4SubnetRouting::m_prefixLength),
                          MakeUintegerChecker<uint8_t>(1, 32));
    return tid;
}

void
Ipv4SubnetRouting::DoDispose()
{
    m_connected.clear();
    m_hosts.clear();
    m_subnets.clear();
    m_ipv4 = nullptr;
    Ipv4RoutingProtocol::DoDispose();
}

void
Ipv4SubnetRouting::Invalidate()
{
    m_copied = false;
}

bool
Ipv4SubnetRouting::IsActive()
{
    if (!m_copied)
    {
        Copy();
    }
    return m_active;
}

void
Ipv4SubnetRouting::Copy()
{
    NS_LOG_FUNCTION(this);
    m_copied = true;
    m_active = false;
    m_connected.clear();
    m_hosts.clear();
    m_subnets.clear();
    auto list = m_ipv4 ? DynamicCast<Ipv4ListRouting>(m_ipv4->GetRoutingProtocol()) : nullptr;
    if (!list)
    {
        return;
    }
    const Ipv4Mask mask(~0U << (32 - m_prefixLength));
    auto makeRoute = [this](const Ipv4RoutingTableEntry& entry, Ipv4Address source) {
        auto route = Create<Ipv4Route>();
        route->SetDestination(entry.GetDest());
        route->SetSource(source);
        route->SetGateway(entry.GetGateway());
        route->SetOutputDevice(m_ipv4->GetNetDevice(entry.GetInterface()));
        return route;
    };
    bool below = false;
    for (uint32_t i = 0; i < list->GetNRoutingProtocols(); ++i)
    {
        int16_t priority;
        Ptr<Ipv4RoutingProtocol> protocol = list->GetRoutingProtocol(i, priority);
        if (protocol == this)
        {
            below = true;
            continue;
        }
        if (!below)
        {
            continue; // asked before this one anyway
        }
        if (auto table = DynamicCast<Ipv4StaticRouting>(protocol))
        {
            // Longest prefix, then lowest metric: with one prefix length, the lowest metric.
            std::map<uint32_t, uint32_t> metricOf;
            for (uint32_t r = 0; r < table->GetNRoutes(); ++r)
            {
                const Ipv4RoutingTableEntry entry = table->GetRoute(r);
                const Ipv4Address network = entry.GetDestNetwork();
                if (entry.GetDestNetworkMask() == Ipv4Mask("255.0.0.0") &&
                    network == Ipv4Address("127.0.0.0"))
                {
                    continue; // the loopback's: Lookup never answers for 127/8
                }
                if (!entry.IsNetwork() || entry.GetDestNetworkMask() != mask)
                {
                    NS_LOG_LOGIC("static route " << entry << " cannot be copied");
                    return;
                }
                const uint32_t metric = table->GetMetric(r);
                auto known = metricOf.find(network.Get());
                if (known != metricOf.end() && known->second <= metric)
                {
                    continue;
                }
                metricOf[network.Get()] = metric;
                m_connected[network.Get()] = makeRoute(
                    entry,
                    m_ipv4->SourceAddressSelection(entry.GetInterface(), entry.GetDest()));
            }
        }
        else if (auto global = DynamicCast<Ipv4GlobalRouting>(protocol))
        {
            BooleanValue ecmp;
            global->GetAttribute("RandomEcmpRouting", ecmp);
            if (ecmp.Get())
            {
                return; // a random choice per packet
            }
            // Host routes come before subnet routes; the first match of each kind is taken.
            for (uint32_t r = 0; r < global->GetNRoutes(); ++r)
            {
                const Ipv4RoutingTableEntry& entry = *global->GetRoute(r);
                const Ipv4Address source = m_ipv4->GetAddress(entry.GetInterface(), 0).GetLocal();
                if (entry.IsHost())
                {
                    m_hosts.emplace(entry.GetDest().Get(), makeRoute(entry, source));
                }
                else if (entry.IsNetwork() && entry.GetDestNetworkMask() == mask)
                {
                    m_subnets.emplace(entry.GetDestNetwork().Get(), makeRoute(entry, source));
                }
                else
                {
                    NS_LOG_LOGIC("global route " << entry << " cannot be copied");
                    return;
                }
            }
        }
        else
        {
            NS_LOG_LOGIC("a routing protocol it cannot copy: " << protocol->GetInstanceTypeId());
            return;
        }
    }
    m_active = below;
}

Ptr<Ipv4Route>
Ipv4SubnetRouting::Lookup(Ipv4Address destination)
{
    if (!IsActive() || destination.IsMulticast() || destination.IsBroadcast() ||
        (destination.Get() >> 24) == 127)
    {
        return nullptr;
    }
    const uint32_t subnet = destination.Get() & (~0U << (32 - m_prefixLength));
    // The list asks static routing before global routing.
    if (auto it = m_connected.find(subnet); it != m_connected.end())
    {
        return it->second;
    }
    if (auto it = m_hosts.find(destination.Get()); it != m_hosts.end())
    {
        return it->second;
    }
    if (auto it = m_subnets.find(subnet); it != m_subnets.end())
    {
        return it->second;
    }
    return nullptr;
}

Ptr<Ipv4Route>
Ipv4SubnetRouting::RouteOutput(Ptr<Packet> /* p */,
                               const Ipv4Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr)
{
    Ptr<Ipv4Route> route = Lookup(header.GetDestination());
    if (!route || (oif && oif != route->GetOutputDevice()))
    {
        return nullptr; // the protocols below answer
    }
    sockerr = Socket::ERROR_NOTERROR;
    return route;
}

bool
Ipv4SubnetRouting::RouteInput(Ptr<const Packet> p,
                              const Ipv4Header& header,
                              Ptr<const NetDevice> /* idev */,
                              Callbacks::Unicast ucb,
                              Callbacks::Multicast /* mcb */,
                              Callbacks::Local /* lcb */,
                              Callbacks::Error /* ecb */)
{
    // Ipv4ListRouting has handled local delivery and forwarding checks already.
    Ptr<Ipv4Route> route = Lookup(header.GetDestination());
    if (!route)
    {
        return false;
    }
    // The route is shared by every packet to this subnet: forwarding only reads it.
    ucb(route, p, header);
    return true;
}

void
Ipv4SubnetRouting::NotifyInterfaceUp(uint32_t /* interface */)
{
    Invalidate();
}

void
Ipv4SubnetRouting::NotifyInterfaceDown(uint32_t /* interface */)
{
    Invalidate();
}

void
Ipv4SubnetRouting::NotifyAddAddress(uint32_t /* interface */, Ipv4InterfaceAddress /* address */)
{
    Invalidate();
}

void
Ipv4SubnetRouting::NotifyRemoveAddress(uint32_t /* interface */, Ipv4InterfaceAddress /* address */)
{
    Invalidate();
}

void
Ipv4SubnetRouting::SetIpv4(Ptr<Ipv4> ipv4)
{
    m_ipv4 = ipv4;
    Invalidate();
}

void
Ipv4SubnetRouting::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit /* unit */) const
{
    std::ostream& os = *stream->GetStream();
    os << "Ipv4SubnetRouting: " << (m_active ? "" : "inactive, ") << m_connected.size()
       << " connected subnets, " << m_hosts.size() << " host routes, " << m_subnets.size()
       << " subnet routes (copies of the protocols below)" << std::endl;
}

} // namespace ns3
