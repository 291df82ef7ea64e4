/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "experiment-setting.h"

#include "../common/attribute-check.h"
#include "experiment-helper.h"

#include "ns3/global-value.h"
#include "ns3/model-transport.h"

namespace ns3
{

ExperimentSetting
ExperimentSetting::Locate(const std::string& name)
{
    std::vector<std::pair<Owner, TypeId>> owners{{STUDY, ExperimentHelper::GetTypeId()}};
    for (const auto& component : ExperimentHelper::GetComponentTypes())
    {
        owners.emplace_back(STUDY, component);
    }
    owners.emplace_back(TRANSPORT, ModelTransport::GetTypeId());
    // Each application attribute is declared once, so the first algorithm that has it says
    // all there is to say.
    for (const auto& algorithm : ExperimentHelper::GetAlgorithms())
    {
        owners.emplace_back(APPLICATION,
                            TypeId::LookupByName(ExperimentHelper::AlgorithmTypeId(algorithm)));
    }
    TypeId::AttributeInformation info;
    for (const auto& [owner, tid] : owners)
    {
        if (tid.LookupAttributeByName(name, &info))
        {
            return {owner, tid, info.checker, info.initialValue, info.help};
        }
    }
    for (auto it = GlobalValue::Begin(); it != GlobalValue::End(); ++it)
    {
        if ((*it)->GetName() == name)
        {
            Ptr<AttributeValue> current = (*it)->GetChecker()->Create();
            (*it)->GetValue(*current);
            return {GLOBAL, TypeId(), (*it)->GetChecker(), current, (*it)->GetHelp()};
        }
    }
    return {};
}

std::string
ExperimentSetting::Normalize(const std::string& value, std::string& normalized) const
{
    if (owner == NONE)
    {
        return "unknown setting";
    }
    return NormalizeAttributeValue(checker, value, normalized);
}

} // namespace ns3
