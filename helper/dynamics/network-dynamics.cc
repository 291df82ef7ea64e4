/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "network-dynamics.h"

#include "ns3/decentralized-learning-application.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/ipv4-list-routing.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-subnet-routing.h"
#include "ns3/ipv4.h"
#include "ns3/jitter-channel.h"
#include "ns3/log.h"
#include "ns3/point-to-point-channel.h"
#include "ns3/simulator.h"

#include <set>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DivShareNetworkDynamics");

namespace
{

/** The interface of \p device on its node, and that node's Ipv4. */
std::pair<Ptr<Ipv4>, uint32_t>
InterfaceOf(Ptr<NetDevice> device)
{
    Ptr<Ipv4> ipv4 = device->GetNode()->GetObject<Ipv4>();
    return {ipv4, static_cast<uint32_t>(ipv4->GetInterfaceForDevice(device))};
}

/** Give a host its default route through its access link again (down removed it). */
void
RestoreDefaultRoute(const InstalledLink& access)
{
    const auto [router, routerInterface] = InterfaceOf(access.GatewayDevice());
    const auto [host, hostInterface] = InterfaceOf(access.HostDevice());
    Ipv4StaticRoutingHelper().GetStaticRouting(host)->SetDefaultRoute(
        router->GetAddress(routerInterface, 0).GetLocal(),
        hostInterface);
}

} // namespace

NetworkDynamics::NetworkDynamics(const InstalledTopology& installed, ApplicationContainer apps)
    : m_installed(installed),
      m_apps(apps)
{
}

void
NetworkDynamics::SetMembershipDelay(Time delay)
{
    m_membershipDelay = delay;
}

void
NetworkDynamics::Announce(uint32_t node, bool known)
{
    for (uint32_t i = 0; i < m_apps.GetN(); ++i)
    {
        DynamicCast<DecentralizedLearningApplication>(m_apps.Get(i))->SetPeerKnown(node, known);
    }
}

void
NetworkDynamics::Schedule(const ResolvedNetworkEvents& events)
{
    // A node whose first event is a join is absent until then, also when the run ends first.
    std::set<uint32_t> joining;
    std::set<uint32_t> seen;
    for (const auto* list : {&events.inRun, &events.notReached})
    {
        for (const auto& event : *list)
        {
            if (event.IsNodeEvent() && seen.insert(event.host).second &&
                event.action == NetworkEvent::JOIN)
            {
                joining.insert(event.host);
                m_apps.Get(event.host)->SetStartTime(event.at);
                if (m_membershipDelay.IsStrictlyPositive())
                {
                    Announce(event.host, false); // nobody knows it before it joins
                }
            }
        }
    }
    for (uint32_t node = 0; node < m_installed.hosts.GetN(); ++node)
    {
        if (joining.count(node) == 0)
        {
            m_membership.push_back({Seconds(0), node, "start"});
        }
    }
    for (const auto& event : events.inRun)
    {
        if (event.at.IsZero() && event.IsNodeEvent() && event.action != NetworkEvent::JOIN)
        {
            // Applications start in events at time 0 that the nodes' initialization
            // schedules once the run begins: a node that leaves, crashes or disconnects at 0
            // does so after its start, or its start would undo it.
            Simulator::Schedule(Seconds(0), &NetworkDynamics::ApplyAfterStart, this, event);
            continue;
        }
        Simulator::Schedule(event.at, &NetworkDynamics::Apply, this, event);
    }
}

void
NetworkDynamics::ApplyAfterStart(const NetworkEvent& event)
{
    Simulator::ScheduleNow(&NetworkDynamics::Apply, this, event);
}

std::vector<NetworkDynamics::Change>
NetworkDynamics::GetMembership() const
{
    return m_membership;
}

void
NetworkDynamics::Apply(const NetworkEvent& event)
{
    NS_LOG_INFO(NetworkEvent::ActionName(event.action)
                << " " << (event.IsNodeEvent() ? event.node : event.a + " " + event.b));
    if (event.IsNodeEvent())
    {
        m_membership.push_back(
            {Simulator::Now(), event.host, NetworkEvent::ActionName(event.action)});
        if (m_membershipDelay.IsStrictlyPositive())
        {
            const bool arrives =
                event.action == NetworkEvent::JOIN || event.action == NetworkEvent::RECONNECT;
            Simulator::Schedule(m_membershipDelay,
                                &NetworkDynamics::Announce,
                                this,
                                event.host,
                                arrives);
        }
    }
    auto app = [&] {
        return DynamicCast<DecentralizedLearningApplication>(m_apps.Get(event.host));
    };
    const InstalledLink& link = m_installed.links[event.link];
    switch (event.action)
    {
    case NetworkEvent::JOIN:
        break; // its application starts now
    case NetworkEvent::LEAVE:
        app()->Halt(); // closes its connections: peers see them end
        break;
    case NetworkEvent::CRASH:
        SetNodeUp(event.host, false);
        app()->Halt();
        break;
    case NetworkEvent::DISCONNECT:
        SetNodeUp(event.host, false);
        break;
    case NetworkEvent::RECONNECT:
        SetNodeUp(event.host, true);
        break;
    case NetworkEvent::LINK_SET: {
        auto forward = event.reversed ? link.deviceB : link.deviceA;
        auto backward = event.reversed ? link.deviceA : link.deviceB;
        if (event.up)
        {
            forward->SetDataRate(*event.up);
        }
        if (event.down)
        {
            backward->SetDataRate(*event.down);
        }
        auto channel = DynamicCast<JitterChannel>(link.deviceA->GetChannel());
        if (channel && (event.delay || event.jitter))
        {
            // Each changed direction keeps what the event leaves as it was.
            for (const auto& sender :
                 event.oneWay ? std::vector{forward} : std::vector{forward, backward})
            {
                const std::size_t from = channel->GetPointToPointDevice(0) == sender ? 0 : 1;
                channel->SetDirection(from,
                                      event.delay.value_or(channel->GetDirectionDelay(from)),
                                      event.jitter.value_or(channel->GetDirectionJitter(from)));
            }
        }
        else if (event.delay) // ns-3's remote channel between ranks
        {
            link.deviceA->GetChannel()->SetAttribute("Delay", TimeValue(*event.delay));
        }
        if (event.loss)
        {
            // A device's receive error model drops what the other end sent toward it.
            for (const auto& receiver :
                 event.oneWay ? std::vector{backward} : std::vector{link.deviceA, link.deviceB})
            {
                TopologyHelper::SetLoss(receiver, *event.loss);
            }
        }
        break;
    }
    case NetworkEvent::LINK_DOWN:
    case NetworkEvent::LINK_UP:
        SetLinkUp(link, event.action == NetworkEvent::LINK_UP);
        RecomputeRoutes();
        break;
    }
}

void
NetworkDynamics::SetNodeUp(uint32_t node, bool up)
{
    Ptr<Ipv4> ipv4 = m_installed.hosts.Get(node)->GetObject<Ipv4>();
    for (uint32_t i = 1; i < ipv4->GetNInterfaces(); ++i)
    {
        up ? ipv4->SetUp(i) : ipv4->SetDown(i);
    }
    if (up)
    {
        RestoreDefaultRoute(m_installed.links[node]); // host i's access link is link i
    }
}

void
NetworkDynamics::SetLinkUp(const InstalledLink& link, bool up)
{
    for (const auto& device : {link.deviceA, link.deviceB})
    {
        const auto [ipv4, interface] = InterfaceOf(device);
        up ? ipv4->SetUp(interface) : ipv4->SetDown(interface);
    }
    if (up && !link.routerA)
    {
        RestoreDefaultRoute(link);
    }
}

void
NetworkDynamics::RecomputeRoutes()
{
    Ipv4GlobalRoutingHelper::RecomputeRoutingTables();
    for (auto it = m_installed.routers.Begin(); it != m_installed.routers.End(); ++it)
    {
        auto list = DynamicCast<Ipv4ListRouting>((*it)->GetObject<Ipv4>()->GetRoutingProtocol());
        for (uint32_t i = 0; i < list->GetNRoutingProtocols(); ++i)
        {
            int16_t priority;
            if (auto copy = DynamicCast<Ipv4SubnetRouting>(list->GetRoutingProtocol(i, priority)))
            {
                copy->Invalidate();
            }
        }
    }
}

} // namespace ns3
