/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "divshare-application.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/peer-sampling.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DivShareApplication");

NS_OBJECT_ENSURE_REGISTERED(DivShareApplication);

TypeId
DivShareApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DivShareApplication")
            .SetParent<DecentralizedLearningApplication>()
            .SetGroupName("DivShare")
            .AddConstructor<DivShareApplication>()
            .AddAttribute("Fragments",
                          "Number of fragments Ω the model is cut into (1 sends whole models).",
                          UintegerValue(10),
                          MakeUintegerAccessor(&DivShareApplication::m_fragments),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("FlushQueue",
                          "Drop the previous iteration's fragments still waiting in the send "
                          "queue before queueing the new ones.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&DivShareApplication::m_flush),
                          MakeBooleanChecker());
    return tid;
}

DivShareApplication::DivShareApplication()
{
    NS_LOG_FUNCTION(this);
}

DivShareApplication::~DivShareApplication()
{
    NS_LOG_FUNCTION(this);
}

std::string
DivShareApplication::GetAlgorithmName() const
{
    return "divshare";
}

uint32_t
DivShareApplication::GetFragmentCount() const
{
    return m_fragments;
}

std::string
DivShareApplication::CheckConfiguration(uint32_t nodes, std::size_t parameters) const
{
    if (m_fragments > parameters)
    {
        return "Fragments = " + std::to_string(m_fragments) + " exceeds the model's " +
               std::to_string(parameters) + " parameters: use at most " +
               std::to_string(parameters);
    }
    return DecentralizedLearningApplication::CheckConfiguration(nodes, parameters);
}

void
DivShareApplication::ShareModel()
{
    if (m_flush)
    {
        FlushSendQueue();
    }
    std::vector<std::shared_ptr<const std::vector<float>>> fragments(m_fragments);
    for (uint32_t f = 0; f < m_fragments; ++f)
    {
        fragments[f] = ExtractFragment(f);
    }
    const auto candidates = GetCandidates();
    const auto plan = PlanFragmentSends(candidates.self,
                                        candidates.nodes,
                                        m_fragments,
                                        std::min(GetDegree(), candidates.nodes - 1),
                                        [this](uint32_t bound) { return DrawBelow(bound); });
    for (const auto& transmission : plan)
    {
        Send(PeerAt(transmission.peer), transmission.fragment, fragments[transmission.fragment]);
    }
}

} // namespace ns3
