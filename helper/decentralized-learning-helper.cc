/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "decentralized-learning-helper.h"

#include "ns3/abort.h"
#include "ns3/decentralized-learning-application.h"
#include "ns3/inet-socket-address.h"
#include "ns3/uinteger.h"

#include <stdexcept>

namespace ns3
{

DecentralizedLearningHelper::DecentralizedLearningHelper(const std::string& typeId)
{
    TypeId tid;
    NS_ABORT_MSG_IF(!TypeId::LookupByNameFailSafe(typeId, &tid) ||
                        !tid.IsChildOf(DecentralizedLearningApplication::GetTypeId()),
                    "DecentralizedLearningHelper: '" << typeId
                                                     << "' is not a decentralized-learning "
                                                        "application type");
    m_factory.SetTypeId(tid);
}

void
DecentralizedLearningHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
DecentralizedLearningHelper::SetTransportAttribute(const std::string& name,
                                                   const AttributeValue& value)
{
    m_transportAttributes.emplace_back(name, value.Copy());
}

ApplicationContainer
DecentralizedLearningHelper::Install(const NodeContainer& nodes,
                                     const std::vector<Ipv4Address>& addresses,
                                     const Workload& workload) const
{
    NS_ABORT_MSG_IF(nodes.GetN() != addresses.size(),
                    "DecentralizedLearningHelper: " << nodes.GetN() << " nodes but "
                                                    << addresses.size() << " addresses");
    NS_ABORT_MSG_IF(nodes.GetN() != workload.GetNodeCount(),
                    "DecentralizedLearningHelper: " << nodes.GetN() << " nodes but the workload "
                                                    << workload.GetName() << " is partitioned for "
                                                    << workload.GetNodeCount());
    ApplicationContainer apps;
    std::vector<Address> peers;
    for (uint32_t i = 0; i < nodes.GetN(); ++i)
    {
        auto app = m_factory.Create<DecentralizedLearningApplication>();
        for (const auto& [name, value] : m_transportAttributes)
        {
            app->GetTransport()->SetAttribute(name, *value);
        }
        UintegerValue port;
        app->GetTransport()->GetAttribute("Port", port);
        peers.emplace_back(InetSocketAddress(addresses[i], static_cast<uint16_t>(port.Get())));
        app->SetLearner(workload.CreateLearner(i));
        if (i == 0)
        {
            // Every node shares the attributes: one check, before anything runs.
            const std::string problem =
                app->CheckConfiguration(nodes.GetN(), app->GetLearner().GetParameterCount());
            if (!problem.empty())
            {
                throw std::invalid_argument(app->GetInstanceTypeId().GetName() + "::" + problem);
            }
        }
        nodes.Get(i)->AddApplication(app);
        apps.Add(app);
    }
    for (uint32_t i = 0; i < apps.GetN(); ++i)
    {
        DynamicCast<DecentralizedLearningApplication>(apps.Get(i))->SetPeers(i, peers);
    }
    return apps;
}

int64_t
DecentralizedLearningHelper::AssignStreams(const ApplicationContainer& apps, int64_t stream)
{
    int64_t used = 0;
    for (uint32_t i = 0; i < apps.GetN(); ++i)
    {
        used += DynamicCast<DecentralizedLearningApplication>(apps.Get(i))
                    ->AssignStreams(stream + used);
    }
    return used;
}

} // namespace ns3
