/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "adpsgd-application.h"

#include "ns3/log.h"
#include "ns3/peer-sampling.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("AdPsgdApplication");

NS_OBJECT_ENSURE_REGISTERED(AdPsgdApplication);

TypeId
AdPsgdApplication::GetTypeId()
{
    static TypeId tid = TypeId("ns3::AdPsgdApplication")
                            .SetParent<DecentralizedLearningApplication>()
                            .SetGroupName("DivShare")
                            .AddConstructor<AdPsgdApplication>();
    return tid;
}

AdPsgdApplication::AdPsgdApplication()
{
    NS_LOG_FUNCTION(this);
}

AdPsgdApplication::~AdPsgdApplication()
{
    NS_LOG_FUNCTION(this);
}

std::string
AdPsgdApplication::GetAlgorithmName() const
{
    return "adpsgd";
}

std::string
AdPsgdApplication::CheckConfiguration(uint32_t nodes, std::size_t parameters) const
{
    if (GetDegree() < 2)
    {
        return "Degree = " + std::to_string(GetDegree()) +
               ": AD-PSGD pushes to Degree/2 peers, so Degree must be at least 2";
    }
    return DecentralizedLearningApplication::CheckConfiguration(nodes, parameters);
}

void
AdPsgdApplication::ShareModel()
{
    const auto model = ExtractFragment(0);
    const BoundedRandom random = [this](uint32_t bound) { return DrawBelow(bound); };
    const auto candidates = GetCandidates();
    if (candidates.nodes < 2)
    {
        return; // it knows of nobody
    }
    for (auto peer :
         SamplePeersWithReplacement(candidates.self, candidates.nodes, GetDegree() / 2, random))
    {
        Send(PeerAt(peer), 0, model);
    }
}

bool
AdPsgdApplication::HandleMessage(const DivShareHeader& header, std::vector<float>& values)
{
    // Answer pushes only: answering replies would bounce models back and forth forever.
    if (header.type == DivShareHeader::FRAGMENT)
    {
        Send(header.sender, 0, ExtractFragment(0), DivShareHeader::REPLY);
    }
    return DecentralizedLearningApplication::HandleMessage(header, values);
}

} // namespace ns3
