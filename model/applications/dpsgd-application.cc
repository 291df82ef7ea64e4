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
    static TypeId tid = TypeId("ns3::DpsgdApplication")
                            .SetParent<DecentralizedLearningApplication>()
                            .SetGroupName("DivShare")
                            .AddConstructor<DpsgdApplication>();
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

bool
DpsgdApplication::WaitsForNeighbours() const
{
    return true;
}

std::string
DpsgdApplication::CheckConfiguration(uint32_t nodes, std::size_t parameters) const
{
    if (static_cast<uint64_t>(nodes) * GetDegree() % 2 != 0)
    {
        return "Degree = " + std::to_string(GetDegree()) + " on " + std::to_string(nodes) +
               " nodes: a regular graph needs nodes x Degree even; change Degree or the node "
               "count by one";
    }
    if (GetDegree() == 1 && nodes > 2)
    {
        return "Degree = 1 on " + std::to_string(nodes) +
               " nodes: the graph would fall apart into pairs; use at least 2";
    }
    return DecentralizedLearningApplication::CheckConfiguration(nodes, parameters);
}

RoundPeers
DpsgdApplication::GetRoundPeers(uint32_t /* round */) const
{
    if (!m_neighbours)
    {
        try
        {
            m_neighbours =
                MakeRandomRegularGraph(GetNodeCount(), GetDegree(), GetSeed())[GetNodeIndex()];
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
