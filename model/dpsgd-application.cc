/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dpsgd-application.h"

#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DpsgdApplication");

NS_OBJECT_ENSURE_REGISTERED(DpsgdApplication);

TypeId
DpsgdApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DpsgdApplication")
            .SetParent<DecentralizedLearningApplication>()
            .SetGroupName("DivShare")
            .AddConstructor<DpsgdApplication>()
            .AddAttribute("Degree",
                          "Neighbours per node: of the fixed random regular graph (D-PSGD; "
                          "nodes x Degree must be even), or the s nodes a model goes to and "
                          "comes from in every round (Epidemic Learning).",
                          UintegerValue(6),
                          MakeUintegerAccessor(&DpsgdApplication::m_degree),
                          MakeUintegerChecker<uint32_t>(1));
    return tid;
}

DpsgdApplication::DpsgdApplication()
{
    NS_LOG_FUNCTION(this);
}

DpsgdApplication::~DpsgdApplication()
{
    NS_LOG_FUNCTION(this);
}

std::string
DpsgdApplication::GetAlgorithmName() const
{
    return "dpsgd";
}

uint32_t
DpsgdApplication::GetDegree() const
{
    return m_degree;
}

uint64_t
DpsgdApplication::GetSeed() const
{
    UintegerValue seed;
    GetAttribute("Seed", seed);
    return seed.Get();
}

RoundPeers
DpsgdApplication::GetRoundPeers(uint32_t /* round */) const
{
    if (!m_neighbours)
    {
        try
        {
            m_neighbours =
                MakeRandomRegularGraph(GetNodeCount(), m_degree, GetSeed())[GetNodeIndex()];
        }
        catch (const std::invalid_argument& error)
        {
            NS_FATAL_ERROR("D-PSGD node " << GetNodeIndex() << ": " << error.what()
                                          << "; change Degree");
        }
    }
    return {*m_neighbours, *m_neighbours};
}

void
DpsgdApplication::ShareModel()
{
    const uint32_t round = GetIteration();
    const auto model = ExtractFragment(0);
    for (auto peer : GetRoundPeers(round).out)
    {
        Send(peer, 0, model);
    }
    // Neighbours that ran ahead may already have sent this round's models.
    auto early = m_early.find(round);
    if (early != m_early.end())
    {
        for (auto& [sender, values] : early->second)
        {
            GetInbox().Put(sender, 0, round, std::move(values));
        }
        m_early.erase(early);
    }
}

bool
DpsgdApplication::HandleMessage(const DivShareHeader& header, std::vector<float>& values)
{
    const uint32_t round = header.iteration;
    const auto senders = GetRoundPeers(round).in;
    // A model of a round this node has passed was either already averaged or never due:
    // a correct peer sends nothing of the kind, so it is rejected like malformed bytes.
    if (round == 0 || round < GetIteration() ||
        std::find(senders.begin(), senders.end(), header.sender) == senders.end())
    {
        NS_LOG_WARN("node " << GetNodeIndex() << " in round " << GetIteration()
                            << ": unexpected round-" << round << " model from node "
                            << header.sender);
        return false;
    }
    if (round > GetIteration())
    {
        return m_early[round].try_emplace(header.sender, std::move(values)).second;
    }
    return GetInbox().Put(header.sender, 0, round, std::move(values));
}

bool
DpsgdApplication::IsReadyToAggregate() const
{
    const auto senders = GetRoundPeers(GetIteration()).in;
    return std::all_of(senders.begin(), senders.end(), [this](uint32_t sender) {
        return GetInbox().HasSender(sender);
    });
}

} // namespace ns3
