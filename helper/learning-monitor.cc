/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "learning-monitor.h"

#include "ns3/abort.h"
#include "ns3/decentralized-learning-application.h"
#include "ns3/simulator.h"

#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <limits>

namespace ns3
{

namespace
{

Ptr<DecentralizedLearningApplication>
AppAt(const ApplicationContainer& apps, uint32_t i)
{
    return DynamicCast<DecentralizedLearningApplication>(apps.Get(i));
}

/** Mean over nodes of the squared distance between a node's model and the mean model. */
double
ConsensusDistance(const ApplicationContainer& apps)
{
    const std::size_t size = AppAt(apps, 0)->GetModel().size();
    std::vector<double> mean(size, 0.0);
    for (uint32_t i = 0; i < apps.GetN(); ++i)
    {
        const auto& model = AppAt(apps, i)->GetModel();
        for (std::size_t k = 0; k < size; ++k)
        {
            mean[k] += model[k];
        }
    }
    for (auto& m : mean)
    {
        m /= apps.GetN();
    }
    double distance = 0.0;
    for (uint32_t i = 0; i < apps.GetN(); ++i)
    {
        const auto& model = AppAt(apps, i)->GetModel();
        for (std::size_t k = 0; k < size; ++k)
        {
            const double d = model[k] - mean[k];
            distance += d * d;
        }
    }
    return distance / apps.GetN();
}

} // namespace

LearningMonitor::LearningMonitor(ApplicationContainer apps, Time interval)
    : m_apps(apps),
      m_interval(interval)
{
    NS_ABORT_MSG_IF(apps.GetN() == 0, "LearningMonitor: no applications to watch");
    NS_ABORT_MSG_IF(!interval.IsStrictlyPositive(),
                    "LearningMonitor: the evaluation interval must be positive");
    SetNodeSample(0);
}

void
LearningMonitor::SetTarget(double target, bool lossTarget)
{
    m_target = target;
    m_lossTarget = lossTarget;
}

void
LearningMonitor::SetNodeSample(uint32_t count)
{
    const uint32_t n = m_apps.GetN();
    count = (count == 0 || count > n) ? n : count;
    m_evaluated.clear();
    for (uint32_t i = 0; i < count; ++i)
    {
        m_evaluated.push_back(static_cast<uint32_t>(static_cast<uint64_t>(i) * n / count));
    }
}

void
LearningMonitor::SetProgress(bool enable)
{
    m_progress = enable;
}

void
LearningMonitor::Start(Time stop)
{
    m_wallStart = std::chrono::steady_clock::now();
    for (Time t = Seconds(0); t < stop; t += m_interval)
    {
        Simulator::Schedule(t, &LearningMonitor::Evaluate, this);
    }
}

void
LearningMonitor::EvaluateNow()
{
    Evaluate();
}

void
LearningMonitor::Evaluate()
{
    const auto start = std::chrono::steady_clock::now();
    const double now = Simulator::Now().GetSeconds();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    Record mean{now, -1, 0.0, 0.0, 0.0, 0.0, ConsensusDistance(m_apps)};
    for (auto i : m_evaluated)
    {
        auto app = AppAt(m_apps, i);
        const auto result = app->Evaluate();
        Record record{now,
                      static_cast<int32_t>(i),
                      static_cast<double>(app->GetIteration()),
                      result.accuracy,
                      result.loss,
                      result.mae,
                      nan};
        m_records.push_back(record);
        mean.iteration += record.iteration;
        mean.accuracy += record.accuracy;
        mean.loss += record.loss;
        mean.mae += record.mae;
    }
    const double count = static_cast<double>(m_evaluated.size());
    mean.iteration /= count;
    mean.accuracy /= count;
    mean.loss /= count;
    mean.mae /= count;
    m_records.push_back(mean);

    if (m_target && !m_timeToTarget &&
        (m_lossTarget ? mean.loss <= *m_target : mean.accuracy >= *m_target))
    {
        m_timeToTarget = now;
    }
    m_evaluationWallSeconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (m_progress)
    {
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - m_wallStart).count();
        std::cout << "t=" << std::fixed << std::setprecision(1) << std::setw(7) << now
                  << " s (wall " << std::setw(6) << wall << " s)  iteration " << std::setw(6) << mean.iteration << std::setprecision(4);
        if (!std::isnan(mean.accuracy))
        {
            std::cout << "  mean accuracy " << mean.accuracy;
        }
        std::cout << "  mean loss " << mean.loss << "  consensus distance "
                  << std::setprecision(3) << std::scientific << mean.consensusDistance
                  << std::defaultfloat << std::endl;
    }
}

const std::vector<LearningMonitor::Record>&
LearningMonitor::GetRecords() const
{
    return m_records;
}

const LearningMonitor::Record&
LearningMonitor::GetLastMean() const
{
    for (auto it = m_records.rbegin(); it != m_records.rend(); ++it)
    {
        if (it->node < 0)
        {
            return *it;
        }
    }
    NS_FATAL_ERROR("LearningMonitor: no evaluation yet");
}

std::optional<double>
LearningMonitor::GetTimeToTarget() const
{
    return m_timeToTarget;
}

std::optional<double>
LearningMonitor::GetTarget() const
{
    return m_target;
}

bool
LearningMonitor::IsLossTarget() const
{
    return m_lossTarget;
}

double
LearningMonitor::GetEvaluationWallSeconds() const
{
    return m_evaluationWallSeconds;
}

const std::vector<uint32_t>&
LearningMonitor::GetEvaluatedNodes() const
{
    return m_evaluated;
}

} // namespace ns3
