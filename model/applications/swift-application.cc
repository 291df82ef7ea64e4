/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "swift-application.h"

#include "ns3/log.h"
#include "ns3/peer-sampling.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SwiftApplication");

NS_OBJECT_ENSURE_REGISTERED(SwiftApplication);

TypeId
SwiftApplication::GetTypeId()
{
    static TypeId tid = TypeId("ns3::SwiftApplication")
                            .SetParent<DecentralizedLearningApplication>()
                            .SetGroupName("DivShare")
                            .AddConstructor<SwiftApplication>();
    return tid;
}

SwiftApplication::SwiftApplication()
{
    NS_LOG_FUNCTION(this);
}

SwiftApplication::~SwiftApplication()
{
    NS_LOG_FUNCTION(this);
}

std::string
SwiftApplication::GetAlgorithmName() const
{
    return "swift";
}

void
SwiftApplication::ShareModel()
{
    const auto model = ExtractFragment(0);
    const BoundedRandom random = [this](uint32_t bound) { return DrawBelow(bound); };
    const auto candidates = GetCandidates();
    const uint32_t count = std::min(GetDegree(), candidates.nodes - 1);
    for (auto peer : SampleDistinctPeers(candidates.self, candidates.nodes, count, random))
    {
        Send(PeerAt(peer), 0, model);
    }
}

} // namespace ns3
