/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "experiment-result.h"

#include "learning-monitor.h"
#include "results-writer.h"

#include <sstream>

namespace ns3
{

ExperimentResult
ExperimentResult::Compute(const LearningMonitor& monitor,
                          const std::vector<NodeTraffic>& traffic,
                          double wallSeconds)
{
    ExperimentResult result;
    result.wallSeconds = wallSeconds;
    const auto& last = monitor.GetLastMean();
    result.finalMeanAccuracy = last.accuracy;
    result.finalMeanLoss = last.loss;
    result.finalMeanMae = last.mae;
    result.finalMeanIteration = last.iteration;
    result.finalEvaluatedNodes = last.evaluatedNodes;
    result.finalConsensusDistance = last.consensusDistance;
    for (const auto& r : monitor.GetRecords())
    {
        if (r.node < 0)
        {
            result.initialConsensusDistance = r.consensusDistance;
            break;
        }
    }
    result.timeToTarget = monitor.GetTimeToTarget();
    result.divergedNodes = monitor.GetDivergedCount();
    for (const auto& row : traffic)
    {
        result.bytesSent += row.counters.bytesSent;
        result.fragmentsSent += row.counters.messagesSent;
        result.fragmentsFlushed += row.counters.messagesFlushed;
        result.fragmentsMalformed += row.counters.messagesMalformed;
        result.trainingWallSeconds += row.trainingWallSeconds;
    }
    return result;
}

std::string
ExperimentResult::Final(double value) const
{
    if (finalEvaluatedNodes == 0)
    {
        return "none (no node was left to evaluate at the end)";
    }
    std::ostringstream text;
    text << value;
    return text.str();
}

} // namespace ns3
