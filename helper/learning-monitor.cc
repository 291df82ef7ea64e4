/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "learning-monitor.h"

#include "ns3/abort.h"
#include "ns3/decentralized-learning-application.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <limits>
#include <sstream>

namespace ns3
{

namespace
{

Ptr<DecentralizedLearningApplication>
AppAt(const ApplicationContainer& apps, uint32_t i)
{
    return DynamicCast<DecentralizedLearningApplication>(apps.Get(i));
}

/**
 * Mean over the present nodes (see DecentralizedLearningApplication::IsPresent) of the
 * squared distance between a node's model and their mean model; NaN when none is.
 */
double
ConsensusDistance(const ApplicationContainer& apps)
{
    std::vector<const std::vector<float>*> models;
    for (uint32_t i = 0; i < apps.GetN(); ++i)
    {
        if (AppAt(apps, i)->IsPresent())
        {
            models.push_back(&AppAt(apps, i)->GetModel());
        }
    }
    if (models.empty())
    {
        return std::numeric_limits<double>::quiet_NaN();
    }
    const std::size_t size = models.front()->size();
    std::vector<double> mean(size, 0.0);
    for (const auto* model : models)
    {
        for (std::size_t k = 0; k < size; ++k)
        {
            mean[k] += (*model)[k];
        }
    }
    for (auto& m : mean)
    {
        m /= static_cast<double>(models.size());
    }
    double distance = 0.0;
    for (const auto* model : models)
    {
        for (std::size_t k = 0; k < size; ++k)
        {
            const double d = (*model)[k] - mean[k];
            distance += d * d;
        }
    }
    return distance / static_cast<double>(models.size());
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

LearningMonitor::~LearningMonitor()
{
    for (const auto& round : m_pending)
    {
        for (const auto& job : round->jobs)
        {
            LearningWorkerPool::Get().Cancel(job);
        }
    }
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
LearningMonitor::SetProgress(ProgressLine* line)
{
    m_progress = line;
}

void
LearningMonitor::Start(Time stop)
{
    // The first round comes before the applications start, which configure it too.
    ConfigureLearningWorkers();
    for (Time t = Seconds(0); t < stop; t += m_interval)
    {
        Simulator::Schedule(t, &LearningMonitor::Evaluate, this);
    }
}

void
LearningMonitor::EvaluateNow()
{
    Evaluate();
    CompleteRounds(true);
}

void
LearningMonitor::Evaluate()
{
    const Time now = Simulator::Now();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    auto round = std::make_unique<Round>();
    round->mean = Record{now.GetSeconds(), -1, 0.0, 0.0, 0.0, 0.0, ConsensusDistance(m_apps)};
    // Nodes that have not joined yet, or have left or crashed, are not part of the network.
    std::vector<uint32_t> present;
    for (const uint32_t i : m_evaluated)
    {
        if (AppAt(m_apps, i)->IsPresent())
        {
            present.push_back(i);
        }
    }
    const std::size_t count = present.size();
    round->results.resize(count);
    round->wallSeconds.resize(count);
    for (std::size_t k = 0; k < count; ++k)
    {
        const uint32_t i = present[k];
        auto app = AppAt(m_apps, i);
        round->records.push_back(Record{now.GetSeconds(),
                                        static_cast<int32_t>(i),
                                        static_cast<double>(app->GetIteration()),
                                        nan,
                                        nan,
                                        nan,
                                        nan});
        // The model as of now; the node may go on training meanwhile.
        auto snapshot = std::make_shared<const std::vector<float>>(app->GetModel());
        const Learner* learner = &app->GetLearner();
        EvaluationResult* result = &round->results[k];
        double* wall = &round->wallSeconds[k];
        round->jobs.push_back(LearningWorkerPool::Get().Submit(
            now.GetNanoSeconds(),
            [learner, snapshot, result, wall] {
                const auto start = std::chrono::steady_clock::now();
                *result = learner->Evaluate(*snapshot);
                *wall =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            }));
    }
    m_pending.push_back(std::move(round));
    CompleteRounds(false);
}

void
LearningMonitor::CompleteRounds(bool wait)
{
    while (!m_pending.empty())
    {
        auto& round = *m_pending.front();
        const bool done = std::all_of(round.jobs.begin(), round.jobs.end(), [](const auto& job) {
            return job->IsDone();
        });
        // Without workers the jobs run in Wait(), now.
        if (!wait && !done && LearningWorkerPool::Get().GetWorkers() > 0)
        {
            return;
        }
        Complete(round);
        m_pending.pop_front();
    }
}

void
LearningMonitor::Complete(Round& round)
{
    for (const auto& job : round.jobs)
    {
        LearningWorkerPool::Get().Wait(job);
    }
    Record& mean = round.mean;
    for (std::size_t k = 0; k < round.records.size(); ++k)
    {
        Record& record = round.records[k];
        record.accuracy = round.results[k].accuracy;
        record.loss = round.results[k].loss;
        record.mae = round.results[k].mae;
        m_evaluationWallSeconds += round.wallSeconds[k];
        m_records.push_back(record);
        mean.iteration += record.iteration;
        mean.accuracy += record.accuracy;
        mean.loss += record.loss;
        mean.mae += record.mae;
    }
    const double count = static_cast<double>(round.records.size()); // 0: NaN means
    mean.evaluatedNodes = static_cast<uint32_t>(round.records.size());
    mean.iteration /= count;
    mean.accuracy /= count;
    mean.loss /= count;
    mean.mae /= count;
    m_records.push_back(mean);

    if (m_target && !m_timeToTarget &&
        (m_lossTarget ? mean.loss <= *m_target : mean.accuracy >= *m_target))
    {
        m_timeToTarget = mean.timeSeconds;
    }
    if (m_progress)
    {
        const double wall = m_progress->WallSeconds();
        std::ostringstream line;
        line << "t=" << std::fixed << std::setprecision(1) << std::setw(7) << mean.timeSeconds
             << " s (wall " << std::setw(6) << wall << " s)  iteration " << std::setw(6)
             << mean.iteration << std::setprecision(4);
        std::ostringstream metric;
        metric << std::fixed << std::setprecision(4);
        if (!std::isnan(mean.accuracy))
        {
            line << "  mean accuracy " << mean.accuracy;
            metric << "accuracy " << mean.accuracy;
        }
        else
        {
            metric << "loss " << mean.loss;
        }
        line << "  mean loss " << mean.loss << "  consensus distance " << std::setprecision(3)
             << std::scientific << mean.consensusDistance;
        m_progress->SetMetric(metric.str());
        m_progress->Print(line.str());
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

uint32_t
LearningMonitor::GetDivergedCount() const
{
    uint32_t diverged = 0;
    if (m_records.empty())
    {
        return 0;
    }
    // The last round's node records precede its mean record.
    for (auto it = m_records.rbegin() + 1; it < m_records.rend() && it->node >= 0; ++it)
    {
        diverged += std::isfinite(it->loss) ? 0 : 1;
    }
    return diverged;
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
