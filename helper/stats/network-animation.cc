/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "network-animation.h"

#include "ns3/decentralized-learning-application.h"
#include "ns3/mobility-model.h"
#include "ns3/node-list.h"
#include "ns3/simulator.h"
#ifndef DIVSHARE_NO_NETANIM
#include "ns3/animation-interface.h"
#endif

#include <cmath>
#include <filesystem>
#include <limits>
#include <vector>

namespace ns3
{

#ifdef DIVSHARE_NO_NETANIM
/** Stands in for ns-3's, absent from this build: ExperimentHelper refuses NetAnim here. */
class AnimationInterface
{
};
#else
namespace
{

/** Point \p k of \p count on a circle of \p radius around (x, y). */
std::pair<double, double>
OnCircle(double x, double y, double radius, uint32_t k, uint32_t count)
{
    const double angle = 2 * M_PI * k / std::max<uint32_t>(count, 1);
    return {x + radius * std::cos(angle), y + radius * std::sin(angle)};
}

} // namespace
#endif

NetworkAnimation::NetworkAnimation(const std::string& file,
                                   Time stop,
                                   const NetworkTopology& topology,
                                   const InstalledTopology& installed,
                                   const ApplicationContainer& apps)
    : m_stop(stop),
      m_counts(NodeList::GetNNodes(), 0)
{
#ifdef DIVSHARE_NO_NETANIM
    NS_ABORT_MSG(Unavailable());
#else
    // Positions first: AnimationInterface reads them when it starts.
    const auto routers = static_cast<uint32_t>(topology.routers.size());
    const double routerRadius = routers > 1 ? 60.0 : 0.0;
    const double hostRadius = routers > 1 ? 15.0 : 50.0;
    // Wi-Fi APs and stations keep their own positions and walks.
    auto setPosition = [](Ptr<Node> node, double x, double y) {
        if (!node->GetObject<MobilityModel>())
        {
            AnimationInterface::SetConstantPosition(node, x, y);
        }
    };
    std::vector<std::pair<double, double>> routerAt;
    for (uint32_t r = 0; r < routers; ++r)
    {
        routerAt.push_back(OnCircle(0, 0, routerRadius, r, routers));
        setPosition(installed.routers.Get(r), routerAt[r].first, routerAt[r].second);
    }
    std::vector<uint32_t> attached(routers, 0);
    for (const auto& host : topology.hosts)
    {
        ++attached[host.router];
    }
    for (const auto& endpoint : topology.endpoints)
    {
        ++attached[endpoint.router];
    }
    std::vector<uint32_t> placed(routers, 0);
    auto place = [&](Ptr<Node> node, uint32_t router) {
        const auto [x, y] = OnCircle(routerAt[router].first,
                                     routerAt[router].second,
                                     hostRadius,
                                     placed[router]++,
                                     attached[router]);
        setPosition(node, x, y);
    };
    for (uint32_t i = 0; i < topology.hosts.size(); ++i)
    {
        place(installed.hosts.Get(i), topology.hosts[i].router);
    }
    for (uint32_t i = 0; i < topology.endpoints.size(); ++i)
    {
        place(installed.endpoints.Get(i), topology.endpoints[i].router);
    }

    std::filesystem::create_directories(std::filesystem::path(file).parent_path());
    m_animation = std::make_unique<AnimationInterface>(file);
    m_animation->SetStopTime(stop);
    // The stop time bounds the file, not a packet count (NetAnim's default rolls over files).
    m_animation->SetMaxPktsPerTraceFile(std::numeric_limits<uint64_t>::max());
    DataRate fastest(0);
    for (const auto& host : topology.hosts)
    {
        fastest = std::max(fastest, host.uplink);
    }
    for (uint32_t r = 0; r < routers; ++r)
    {
        m_animation->UpdateNodeDescription(installed.routers.Get(r), topology.routers[r]);
        m_animation->UpdateNodeColor(installed.routers.Get(r), 128, 128, 128);
    }
    for (uint32_t i = 0; i < topology.endpoints.size(); ++i)
    {
        m_animation->UpdateNodeDescription(installed.endpoints.Get(i), topology.endpoints[i].name);
        m_animation->UpdateNodeColor(installed.endpoints.Get(i), 40, 90, 220);
    }
    m_received =
        m_animation->AddNodeCounter("messages received", AnimationInterface::UINT32_COUNTER);
    for (uint32_t i = 0; i < topology.hosts.size(); ++i)
    {
        const auto node = installed.hosts.Get(i);
        const bool straggler = !topology.hosts[i].wifi && topology.hosts[i].uplink < fastest;
        m_animation->UpdateNodeDescription(node, topology.hosts[i].name);
        m_animation->UpdateNodeColor(node, straggler ? 220 : 40, straggler ? 40 : 160, 40);
        DynamicCast<DecentralizedLearningApplication>(apps.Get(i))
            ->GetTransport()
            ->TraceConnectWithoutContext("MessageReceived",
                                         MakeBoundCallback(
                                             +[](NetworkAnimation* self,
                                                 uint32_t id,
                                                 const DivShareHeader&,
                                                 uint32_t,
                                                 Time) {
                                                 if (Simulator::Now() <= self->m_stop)
                                                 {
                                                     self->m_animation->UpdateNodeCounter(
                                                         self->m_received,
                                                         id,
                                                         ++self->m_counts[id]);
                                                 }
                                             },
                                             this,
                                             node->GetId()));
    }
#endif
}

NetworkAnimation::~NetworkAnimation() = default;

std::string
NetworkAnimation::Unavailable()
{
#ifdef DIVSHARE_NO_NETANIM
    return "this ns-3 tree builds the module without ns-3's netanim module; add netanim to "
           "the tree's --enable-modules to have it";
#else
    return "";
#endif
}

} // namespace ns3
