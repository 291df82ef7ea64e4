/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "experiment-component.h"

#include "../common/attribute-check.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(ExperimentComponent);

uint32_t
ExperimentContext::GetNodeCount() const
{
    return static_cast<uint32_t>(topology.hosts.size());
}

void
ExperimentContext::RefuseIgnored(const std::string& attribute, const std::string& reason) const
{
    if (given.count(attribute))
    {
        throw SettingError(attribute,
                           "{" + attribute + "} is set but " + reason + ": remove {" + attribute +
                               "}");
    }
}

TypeId
ExperimentComponent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ExperimentComponent").SetParent<Object>().SetGroupName("DivShare");
    return tid;
}

void
ExperimentComponent::CopyFrom(const ExperimentComponent& other)
{
    CopyAttributes(other, *this);
}

void
ExperimentComponent::RefuseDistributed(const ExperimentContext&, const std::string&) const
{
}

void
ExperimentComponent::Install(ExperimentContext&)
{
}

void
ExperimentComponent::Finish(ExperimentContext&)
{
}

void
ExperimentComponent::Describe(RunDescription&) const
{
}

void
ExperimentComponent::Write(const ExperimentContext&) const
{
}

std::string
ExperimentComponent::Text(const std::string& attribute) const
{
    TypeId::AttributeInformation info;
    NS_ABORT_MSG_UNLESS(GetInstanceTypeId().LookupAttributeByName(attribute, &info),
                        "no attribute " << attribute);
    Ptr<AttributeValue> value = info.checker->Create();
    GetAttribute(attribute, *value);
    return AttributeText(info.checker, *value);
}

} // namespace ns3
