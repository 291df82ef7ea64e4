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
                                     const Workload& workload,
                                     const std::vector<uint32_t>& only) const
{
    NS_ABORT_MSG_IF(nodes.GetN() != addresses.size(),
                    "DecentralizedLearningHelper: " << nodes.GetN() << " nodes but "
                                                    << addresses.size() << " addresses");
    NS_ABORT_MSG_IF(nodes.GetN() != workload.GetNodeCount(),
                    "DecentralizedLearningHelper: " << nodes.GetN() << " nodes but the workload "
                                                    << workload.GetName() << " is partitioned for "
                                                    << workload.GetNodeCount());
    std::vector<uint32_t> indices = only;
    if (only.empty())
    {
        for (uint32_t i = 0; i < nodes.GetN(); ++i)
        {
            indices.push_back(i);
        }
    }
    ApplicationContainer apps;
    for (const uint32_t i : indices)
    {
        NS_ABORT_MSG_IF(i >= nodes.GetN(), "DecentralizedLearningHelper: no node " << i);
        auto app = m_factory.Create<DecentralizedLearningApplication>();
        for (const auto& [name, value] : m_transportAttributes)
        {
            app->GetTransport()->SetAttribute(name, *value);
        }
        app->SetLearner(workload.CreateLearner(i));
        if (apps.GetN() == 0)
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
    if (apps.GetN() == 0)
    {
        return apps;
    }
    // Every transport listens on the same port (they share the attributes).
    UintegerValue port;
    DynamicCast<DecentralizedLearningApplication>(apps.Get(0))
        ->GetTransport()
        ->GetAttribute("Port", port);
    std::vector<Address> peers;
    for (const auto& address : addresses)
    {
        peers.emplace_back(InetSocketAddress(address, static_cast<uint16_t>(port.Get())));
    }
    for (uint32_t k = 0; k < apps.GetN(); ++k)
    {
        DynamicCast<DecentralizedLearningApplication>(apps.Get(k))->SetPeers(indices[k], peers);
    }
    return apps;
}

int64_t
DecentralizedLearningHelper::AssignStreams(const ApplicationContainer& apps,
                                           int64_t stream,
                                           const std::vector<uint32_t>& nodes)
{
    if (apps.GetN() == 0)
    {
        return 0;
    }
    auto app = [&apps](uint32_t k) {
        return DynamicCast<DecentralizedLearningApplication>(apps.Get(k));
    };
    // Every application of one type uses as many streams.
    const int64_t each = app(0)->AssignStreams(stream);
    for (uint32_t k = 0; k < apps.GetN(); ++k)
    {
        app(k)->AssignStreams(stream + each * (nodes.empty() ? k : nodes[k]));
    }
    return each * (nodes.empty() ? apps.GetN() : nodes.back() + 1);
}

} // namespace ns3
