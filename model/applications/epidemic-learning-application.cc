/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "epidemic-learning-application.h"

#include "ns3/log.h"

#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EpidemicLearningApplication");

NS_OBJECT_ENSURE_REGISTERED(EpidemicLearningApplication);

TypeId
EpidemicLearningApplication::GetTypeId()
{
    static TypeId tid = TypeId("ns3::EpidemicLearningApplication")
                            .SetParent<DpsgdApplication>()
                            .SetGroupName("DivShare")
                            .AddConstructor<EpidemicLearningApplication>();
    return tid;
}

EpidemicLearningApplication::EpidemicLearningApplication()
{
    NS_LOG_FUNCTION(this);
}

EpidemicLearningApplication::~EpidemicLearningApplication()
{
    NS_LOG_FUNCTION(this);
}

std::string
EpidemicLearningApplication::GetAlgorithmName() const
{
    return "el";
}

std::string
EpidemicLearningApplication::CheckConfiguration(uint32_t nodes, std::size_t parameters) const
{
    // Fresh peers every round: no fixed graph, so D-PSGD's constraints on it do not apply.
    return DecentralizedLearningApplication::CheckConfiguration(nodes, parameters);
}

RoundPeers
EpidemicLearningApplication::GetRoundPeers(uint32_t round) const
{
    try
    {
        return SampleRegularRoundPeers(GetNodeIndex(),
                                       GetNodeCount(),
                                       GetDegree(),
                                       GetSeed(),
                                       round);
    }
    catch (const std::invalid_argument& error)
    {
        NS_FATAL_ERROR("Epidemic Learning node " << GetNodeIndex() << ": " << error.what()
                                                 << "; lower Degree (s)");
    }
}

} // namespace ns3
