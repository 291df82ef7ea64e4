/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dynamics-component.h"

#include "../common/attribute-check.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/string.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DynamicsComponent");

NS_OBJECT_ENSURE_REGISTERED(DynamicsComponent);

namespace
{

/** Crashes as "NODE@TIME,NODE@TIME" (TIME with its unit), in the order given, as events. */
std::vector<NetworkEvent>
ParseCrashes(const std::string& text, const std::string& name)
{
    std::vector<NetworkEvent> crashes;
    std::istringstream list(text);
    for (std::string item; std::getline(list, item, ',');)
    {
        const auto at = item.find('@');
        if (at == std::string::npos || at == 0)
        {
            throw std::invalid_argument("'" + item + "' is not NODE@TIME, e.g. 3@10s");
        }
        crashes.push_back(NetworkEvent::Parse({item.substr(at + 1), "crash", item.substr(0, at)}));
        crashes.back().origin = name;
    }
    return crashes;
}

/** A checker of texts that parse, as the Attribute name, into events. */
Ptr<const AttributeChecker>
MakeEventsChecker(const std::string& name, const std::string& form)
{
    return MakeParsedTextChecker(
        [name](const std::string& value) {
            name == "Crashes" ? ParseCrashes(value, name) : NetworkEvent::ParseList(value, name);
        },
        form);
}

} // namespace

TypeId
DynamicsComponent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DynamicsComponent")
            .SetParent<ExperimentComponent>()
            .SetGroupName("DivShare")
            .AddConstructor<DynamicsComponent>()
            .AddAttribute("Crashes",
                          "Nodes that crash, as NODE@TIME,... (e.g. 3@10s,5@12.5s): at TIME the "
                          "node's links go down and its application stops at once; its peers "
                          "are not told (empty: none).",
                          StringValue(""),
                          MakeStringAccessor(&DynamicsComponent::m_crashes),
                          MakeEventsChecker("Crashes", "NODE@TIME,..."))
            .AddAttribute("Events",
                          "Changes of the network during the run, separated by ';': TIME "
                          "join|leave|crash|disconnect|reconnect NODE, TIME link-set A B "
                          "[rate=] [up=] [down=] [delay=] [loss=], TIME link-down|link-up A B "
                          "(e.g. '10s leave 3; 20s link-set node5 switch rate=1Mbps'); added to "
                          "the topology file's event lines (empty: none).",
                          StringValue(""),
                          MakeStringAccessor(&DynamicsComponent::m_events),
                          MakeEventsChecker("Events", "TIME ACTION ...; ..."))
            .AddAttribute("EventsFile",
                          "A file of events, one per line in the Events form (e.g. a rate trace "
                          "as TIME link-set A B rate=RATE lines); added to the others (empty: "
                          "none).",
                          StringValue(""),
                          MakeStringAccessor(&DynamicsComponent::m_eventsFile),
                          MakeStringChecker())
            .AddAttribute("MembershipDelay",
                          "How long after a node joins, leaves, crashes, disconnects or "
                          "reconnects the other nodes learn of it and draw their peers "
                          "accordingly (0: never; they keep drawing the configured membership).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&DynamicsComponent::m_membershipDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("ChurnRate",
                          "Seeded churn: disconnections per node and simulated second; each "
                          "disconnected node reconnects after an exponentially distributed "
                          "ChurnDowntime, with its state (0: none).",
                          DoubleValue(0),
                          MakeDoubleAccessor(&DynamicsComponent::m_churnRate),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("ChurnDowntime",
                          "Mean simulated time a churned node stays disconnected.",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&DynamicsComponent::m_churnDowntime),
                          MakeTimeChecker(MilliSeconds(1)));
    return tid;
}

void
DynamicsComponent::DoDispose()
{
    m_dynamics.reset();
    ExperimentComponent::DoDispose();
}

void
DynamicsComponent::Configure(ExperimentContext& context)
{
    auto events = context.topology.events;
    auto crashes = ParseCrashes(m_crashes, "{Crashes}");
    auto given = NetworkEvent::ParseList(m_events, "{Events}");
    events.insert(events.end(), crashes.begin(), crashes.end());
    events.insert(events.end(), given.begin(), given.end());
    if (!m_eventsFile.empty())
    {
        auto parsed = NetworkEvent::ReadFile(m_eventsFile);
        events.insert(events.end(), parsed.begin(), parsed.end());
    }
    if (m_churnRate > 0)
    {
        auto churn = NetworkEvent::MakeChurn(context.GetNodeCount(),
                                             m_churnRate,
                                             m_churnDowntime,
                                             context.stop,
                                             context.seed,
                                             "{ChurnRate}");
        events.insert(events.end(), churn.begin(), churn.end());
    }
    else
    {
        context.RefuseIgnored("ChurnDowntime", "{ChurnRate} = 0");
    }
    m_resolved = ResolveNetworkEvents(events, context.topology, context.stop);
    if (!m_resolved.notReached.empty())
    {
        context.notes.push_back(DescribeNotReached(m_resolved.notReached));
    }
    for (const auto& event : m_resolved.inRun)
    {
        if (context.synchronous && (event.IsNodeEvent() || event.action == NetworkEvent::LINK_DOWN))
        {
            throw SettingError("Algorithm",
                               event.origin + ": " + NetworkEvent::ActionName(event.action) +
                                   " with {Algorithm} = " + context.algorithm +
                                   ": its rounds wait for every neighbour, so a node or link that "
                                   "goes away would stop the run; use an asynchronous algorithm");
        }
    }
}

void
DynamicsComponent::RefuseDistributed(const ExperimentContext&, const std::string& needs) const
{
    for (const auto* list : {&m_resolved.inRun, &m_resolved.notReached})
    {
        if (!list->empty())
        {
            throw std::invalid_argument(list->front().origin + ": a network event" + needs +
                                        "the events");
        }
    }
}

void
DynamicsComponent::Install(ExperimentContext& context)
{
    m_dynamics = std::make_unique<NetworkDynamics>(context.installed, context.apps);
    m_dynamics->SetMembershipDelay(m_membershipDelay);
    m_dynamics->Schedule(m_resolved);
}

void
DynamicsComponent::Describe(RunDescription& run) const
{
    run.networkEventsNotReached = static_cast<uint32_t>(m_resolved.notReached.size());
}

void
DynamicsComponent::Write(const ExperimentContext& context) const
{
    ResultsWriter(context.output).WriteMembership(m_dynamics->GetMembership());
}

} // namespace ns3
