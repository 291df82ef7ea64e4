/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "evaluation-component.h"

#include "../common/topology-units.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EvaluationComponent");

NS_OBJECT_ENSURE_REGISTERED(EvaluationComponent);

TypeId
EvaluationComponent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::EvaluationComponent")
            .SetParent<ExperimentComponent>()
            .SetGroupName("DivShare")
            .AddConstructor<EvaluationComponent>()
            .AddAttribute("EvaluationInterval",
                          "Simulated seconds between evaluations.",
                          DoubleValue(5),
                          MakeDoubleAccessor(&EvaluationComponent::m_interval),
                          MakeDoubleChecker<double>(1e-3, MAX_SIMULATED_SECONDS))
            .AddAttribute("EvaluationNodes",
                          "Evaluate this many nodes, evenly spaced (0: all).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&EvaluationComponent::m_nodes),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Target",
                          "Target mean accuracy (rating tasks: target RMSE) for "
                          "time-to-target.",
                          DoubleValue(0.6),
                          MakeDoubleAccessor(&EvaluationComponent::m_target),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("Progress",
                          "Print a line per evaluation, and on a terminal a live line below "
                          "them: simulated time, share done, wall time, time left, metric.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&EvaluationComponent::m_progress),
                          MakeBooleanChecker());
    return tid;
}

void
EvaluationComponent::DoDispose()
{
    m_monitor.reset();
    m_progressLine.reset();
    ExperimentComponent::DoDispose();
}

void
EvaluationComponent::Configure(ExperimentContext& context)
{
    if (m_nodes > context.GetNodeCount())
    {
        throw SettingError("EvaluationNodes",
                           "{EvaluationNodes} = " + std::to_string(m_nodes) + " exceeds the " +
                               std::to_string(context.GetNodeCount()) +
                               " learning nodes: lower it (0 evaluates all)");
    }
}

void
EvaluationComponent::Install(ExperimentContext& context)
{
    m_monitor = std::make_unique<LearningMonitor>(context.apps,
                                                  context.localHosts,
                                                  context.installed.hosts.GetN(),
                                                  Seconds(m_interval));
    m_monitor->SetNodeSample(m_nodes);
    if (m_progress)
    {
        m_progressLine = std::make_unique<ProgressLine>(context.stop);
        m_progressLine->Start();
    }
    m_monitor->SetProgress(m_progressLine.get());
    m_monitor->SetTarget(m_target, !context.workload->HasAccuracy());
    m_monitor->Start(context.stop);
}

void
EvaluationComponent::Finish(ExperimentContext&)
{
    m_monitor->EvaluateNow();
    if (m_progressLine)
    {
        m_progressLine->Finish();
    }
    m_monitor->Gather();
}

LearningMonitor*
EvaluationComponent::GetMonitor() const
{
    return m_monitor.get();
}

} // namespace ns3
