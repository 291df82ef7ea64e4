/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "learning-monitor.h"

#include "ns3/abort.h"
#include "ns3/decentralized-learning-application.h"
#include "ns3/distributed-run.h"
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

} // namespace

LearningMonitor::ConsensusPart
LearningMonitor::ConsensusPartOf(const std::vector<const std::vector<float>*>& models)
{
    ConsensusPart part;
    part.count = static_cast<uint32_t>(models.size());
    if (models.empty())
    {
        return part;
    }
    const std::size_t size = models.front()->size();
    part.mean.assign(size, 0.0);
    for (const auto* model : models)
    {
        for (std::size_t k = 0; k < size; ++k)
        {
            part.mean[k] += (*model)[k];
        }
    }
    for (auto& m : part.mean)
    {
        m /= static_cast<double>(models.size());
    }
    for (const auto* model : models)
    {
        for (std::size_t k = 0; k < size; ++k)
        {
            const double d = (*model)[k] - part.mean[k];
            part.squaredDistances += d * d;
        }
    }
    return part;
}

double
LearningMonitor::ConsensusDistance(const std::vector<ConsensusPart>& parts)
{
    double count = 0.0;
    for (const auto& part : parts)
    {
        count += part.count;
    }
    if (count == 0.0)
    {
        return std::numeric_limits<double>::quiet_NaN();
    }
    // The mean of all models, then each part's distances to it: its own, plus its count
    // times the distance from its mean (exactly the part's own with a single part).
    std::vector<double> mean;
    for (const auto& part : parts)
    {
        mean.resize(std::max(mean.size(), part.mean.size()), 0.0); // a part may have no node
        for (std::size_t k = 0; k < part.mean.size(); ++k)
        {
            mean[k] += part.count / count * part.mean[k];
        }
    }
    double distance = 0.0;
    for (const auto& part : parts)
    {
        double offset = 0.0;
        for (std::size_t k = 0; k < part.mean.size(); ++k)
        {
            const double d = part.mean[k] - mean[k];
            offset += d * d;
        }
        distance += part.squaredDistances + part.count * offset;
    }
    return distance / count;
}

LearningMonitor::LearningMonitor(ApplicationContainer apps, Time interval)
    : LearningMonitor(apps, {}, apps.GetN(), interval)
{
}

LearningMonitor::LearningMonitor(ApplicationContainer apps,
                                 std::vector<uint32_t> nodes,
                                 uint32_t totalNodes,
                                 Time interval)
    : m_apps(apps),
      m_nodes(std::move(nodes)),
      m_totalNodes(totalNodes),
      m_interval(interval),
      m_distributed(DistributedRun::GetRanks() > 1)
{
    if (m_nodes.empty())
    {
        for (uint32_t i = 0; i < apps.GetN(); ++i)
        {
            m_nodes.push_back(i);
        }
    }
    NS_ABORT_MSG_IF(m_nodes.size() != apps.GetN() || totalNodes == 0 ||
                        !std::is_sorted(m_nodes.begin(), m_nodes.end()) ||
                        (!m_nodes.empty() && m_nodes.back() >= totalNodes),
                    "LearningMonitor: node indices do not match the applications");
    NS_ABORT_MSG_IF(!m_distributed && apps.GetN() == 0,
                    "LearningMonitor: no applications to watch");
    NS_ABORT_MSG_IF(!interval.IsStrictlyPositive(),
                    "LearningMonitor: the evaluation interval must be positive");
    SetNodeSample(0);
}

LearningMonitor::~LearningMonitor()
{
    for (const auto& pending : m_pending)
    {
        for (const auto& job : pending->jobs)
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
    const uint32_t n = m_totalNodes;
    count = (count == 0 || count > n) ? n : count;
    m_evaluated.clear();
    m_evaluating.clear();
    for (uint32_t i = 0; i < count; ++i)
    {
        m_evaluated.push_back(static_cast<uint32_t>(static_cast<uint64_t>(i) * n / count));
        const auto local = std::lower_bound(m_nodes.begin(), m_nodes.end(), m_evaluated.back());
        if (local != m_nodes.end() && *local == m_evaluated.back())
        {
            m_evaluating.push_back(static_cast<uint32_t>(local - m_nodes.begin()));
        }
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
LearningMonitor::Gather()
{
    if (!m_distributed)
    {
        return;
    }

    // Each rank's rounds, flattened: a header per round, then its node records and its part's
    // mean model in two long arrays.
    struct Header
    {
        double timeSeconds;
        double squaredDistances;
        uint32_t count;
        uint32_t records;
        uint64_t meanSize;
    };

    std::vector<Header> headers;
    std::vector<Record> records;
    std::vector<double> means;
    for (const auto& round : m_rounds)
    {
        const ConsensusPart& part = round.parts.front();
        headers.push_back({round.timeSeconds,
                           part.squaredDistances,
                           part.count,
                           static_cast<uint32_t>(round.records.size()),
                           part.mean.size()});
        records.insert(records.end(), round.records.begin(), round.records.end());
        means.insert(means.end(), part.mean.begin(), part.mean.end());
    }
    const auto allHeaders = DistributedRun::GatherValues(headers);
    const auto allRecords = DistributedRun::GatherValues(records);
    const auto allMeans = DistributedRun::GatherValues(means);
    const auto walls = DistributedRun::GatherValues(std::vector<double>{m_evaluationWallSeconds});
    m_rounds.clear();
    if (DistributedRun::GetRank() != 0)
    {
        return;
    }
    // Every rank has the same rounds, at the same times.
    const std::size_t rounds = allHeaders.size() / DistributedRun::GetRanks();
    std::vector<Round> merged(rounds);
    auto record = allRecords.begin();
    auto mean = allMeans.begin();
    for (std::size_t k = 0; k < allHeaders.size(); ++k)
    {
        const Header& header = allHeaders[k];
        Round& round = merged[k % rounds];
        round.timeSeconds = header.timeSeconds;
        round.records.insert(round.records.end(), record, record + header.records);
        record += header.records;
        round.parts.push_back({std::vector<double>(mean, mean + header.meanSize),
                               header.squaredDistances,
                               header.count});
        mean += header.meanSize;
    }
    m_evaluationWallSeconds = 0.0;
    for (const double wall : walls)
    {
        m_evaluationWallSeconds += wall;
    }
    for (auto& round : merged)
    {
        std::sort(round.records.begin(), round.records.end(), [](const auto& a, const auto& b) {
            return a.node < b.node;
        });
        Publish(round);
    }
}

void
LearningMonitor::Evaluate()
{
    const Time now = Simulator::Now();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    auto pending = std::make_unique<PendingRound>();
    Round& round = pending->round;
    round.timeSeconds = now.GetSeconds();
    // Nodes that have not joined yet, or have left or crashed, are not part of the network.
    std::vector<const std::vector<float>*> present;
    for (uint32_t k = 0; k < m_apps.GetN(); ++k)
    {
        if (AppAt(m_apps, k)->IsPresent())
        {
            present.push_back(&AppAt(m_apps, k)->GetModel());
        }
    }
    round.parts.push_back(ConsensusPartOf(present));
    std::vector<Ptr<DecentralizedLearningApplication>> evaluated;
    for (const uint32_t k : m_evaluating)
    {
        auto app = AppAt(m_apps, k);
        if (app->IsPresent())
        {
            evaluated.push_back(app);
            round.records.push_back(Record{now.GetSeconds(),
                                           static_cast<int32_t>(m_nodes[k]),
                                           static_cast<double>(app->GetIteration()),
                                           nan,
                                           nan,
                                           nan,
                                           nan});
        }
    }
    const std::size_t count = evaluated.size();
    pending->results.resize(count);
    pending->wallSeconds.resize(count);
    for (std::size_t k = 0; k < count; ++k)
    {
        const auto& app = evaluated[k];
        // The model as of now; the node may go on training meanwhile.
        auto snapshot = std::make_shared<const std::vector<float>>(app->GetModel());
        const Learner* learner = &app->GetLearner();
        EvaluationResult* result = &pending->results[k];
        double* wall = &pending->wallSeconds[k];
        pending->jobs.push_back(LearningWorkerPool::Get().Submit(
            now.GetNanoSeconds(),
            [learner, snapshot, result, wall] {
                const auto start = std::chrono::steady_clock::now();
                *result = learner->Evaluate(*snapshot);
                *wall =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            }));
    }
    m_pending.push_back(std::move(pending));
    CompleteRounds(false);
}

void
LearningMonitor::CompleteRounds(bool wait)
{
    while (!m_pending.empty())
    {
        auto& pending = *m_pending.front();
        const bool done = std::all_of(pending.jobs.begin(),
                                      pending.jobs.end(),
                                      [](const auto& job) { return job->IsDone(); });
        // Without workers the jobs run in Wait(), now.
        if (!wait && !done && LearningWorkerPool::Get().GetWorkers() > 0)
        {
            return;
        }
        Complete(pending);
        m_pending.pop_front();
    }
}

void
LearningMonitor::Complete(PendingRound& pending)
{
    Round& round = pending.round;
    for (std::size_t k = 0; k < round.records.size(); ++k)
    {
        LearningWorkerPool::Get().Wait(pending.jobs[k]);
        Record& record = round.records[k];
        record.accuracy = pending.results[k].accuracy;
        record.loss = pending.results[k].loss;
        record.mae = pending.results[k].mae;
        m_evaluationWallSeconds += pending.wallSeconds[k];
    }
    if (m_distributed)
    {
        m_rounds.push_back(std::move(round));
    }
    else
    {
        Publish(round);
    }
}

void
LearningMonitor::Publish(const Round& round)
{
    const double distance = ConsensusDistance(round.parts);
    Record mean{round.timeSeconds, -1, 0.0, 0.0, 0.0, 0.0, distance};
    for (const auto& record : round.records)
    {
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
             << " s (wall " << std::setw(6) << wall << " s)  ";
        if (round.records.empty())
        {
            // Every node has left or crashed: nothing to average (not "-nan").
            line << "no node left to evaluate";
            m_progress->SetMetric("no node left");
            m_progress->Print(line.str());
            return;
        }
        line << "iteration " << std::setw(6) << mean.iteration << std::setprecision(4);
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
