/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "adpsgd-application.h"

#include "peer-sampling.h"

#include "ns3/log.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("AdPsgdApplication");

NS_OBJECT_ENSURE_REGISTERED(AdPsgdApplication);

TypeId
AdPsgdApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::AdPsgdApplication")
            .SetParent<DecentralizedLearningApplication>()
            .SetGroupName("DivShare")
            .AddConstructor<AdPsgdApplication>()
            .AddAttribute("Degree",
                          "J: after each iteration the whole model is pushed to J/2 random "
                          "peers (with replacement), and each push is answered with the "
                          "receiver's model, so a node exchanges about J models per iteration.",
                          UintegerValue(6),
                          MakeUintegerAccessor(&AdPsgdApplication::m_degree),
                          MakeUintegerChecker<uint32_t>(2));
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

void
AdPsgdApplication::ShareModel()
{
    const auto model = ExtractFragment(0);
    const BoundedRandom random = [this](uint32_t bound) { return DrawBelow(bound); };
    for (auto peer :
         SamplePeersWithReplacement(GetNodeIndex(), GetNodeCount(), m_degree / 2, random))
    {
        Send(peer, 0, model);
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
