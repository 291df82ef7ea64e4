/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "results-writer.h"

#include "ns3/decentralized-learning-application.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace ns3
{

namespace
{

/** A number as CSV text: nan, inf and -inf as such (a diverged model's loss). */
std::string
Csv(double value)
{
    if (std::isnan(value))
    {
        return "nan";
    }
    std::ostringstream text;
    text << std::setprecision(9) << value;
    return text.str();
}

/** A CSV cell: empty when the column does not apply to the row or the task. */
std::string
Cell(double value, bool applies)
{
    return applies ? Csv(value) : "";
}

/** Text as the inside of a JSON string: quotes, backslashes and control bytes escaped. */
std::string
JsonString(const std::string& text)
{
    std::ostringstream out;
    for (const unsigned char c : text)
    {
        if (c == '"' || c == '\\')
        {
            out << '\\' << c;
        }
        else if (c < 0x20)
        {
            out << "\\u" << std::hex << std::setw(4) << std::setfill('0') << int(c) << std::dec;
        }
        else
        {
            out << c;
        }
    }
    return out.str();
}

/** A number as JSON text: null when not finite (JSON has no NaN). */
std::string
Json(double value)
{
    return std::isfinite(value) ? Csv(value) : "null";
}

} // namespace

ResultFile
ResultsWriter::Open(const std::string& path)
{
    return ResultFile(path);
}

void
ResultsWriter::Probe(const std::string& directory)
{
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error)
    {
        throw std::runtime_error("cannot create output folder " + directory + ": " +
                                 error.message() + "; choose a folder that can be written");
    }
    ResultFile probe(directory + "/.divshare-probe");
    probe << "probe\n";
    probe.Commit();
    std::filesystem::remove(directory + "/.divshare-probe", error);
}

std::vector<NodeTraffic>
NodeTraffic::Collect(const ApplicationContainer& apps, const std::vector<uint32_t>& nodes)
{
    std::vector<NodeTraffic> rows;
    for (uint32_t i = 0; i < apps.GetN(); ++i)
    {
        const auto app = DynamicCast<DecentralizedLearningApplication>(apps.Get(i));
        rows.push_back({nodes.empty() ? i : nodes[i],
                        app->GetIteration(),
                        app->GetTrainingWallSeconds(),
                        app->GetTransport()->GetCounters()});
    }
    return rows;
}

ResultsWriter::ResultsWriter(std::string directory)
    : m_directory(std::move(directory))
{
}

void
ResultsWriter::Write(const RunDescription& run,
                     const ExperimentResult& result,
                     const LearningMonitor& monitor,
                     const std::vector<NodeTraffic>& traffic) const
{
    std::error_code error;
    std::filesystem::create_directories(m_directory, error);
    if (error)
    {
        throw std::runtime_error("cannot create output folder " + m_directory + ": " +
                                 error.message());
    }
    WriteEvaluations(run, monitor);
    WriteTraffic(traffic);
    WriteSummary(run, result, monitor);
}

void
ResultsWriter::WriteEvaluations(const RunDescription& run, const LearningMonitor& monitor) const
{
    auto out = Open(m_directory + "/evaluations.csv");
    out << "time_s,node,iteration,accuracy,loss,mae,consensus_distance,evaluated_nodes\n";
    for (const auto& r : monitor.GetRecords())
    {
        const bool mean = r.node < 0;
        out << Csv(r.timeSeconds) << ',' << (mean ? "mean" : std::to_string(r.node)) << ','
            << Csv(r.iteration) << ',' << Cell(r.accuracy, run.hasAccuracy) << ',' << Csv(r.loss)
            << ',' << Cell(r.mae, !run.hasAccuracy) << ',' << Cell(r.consensusDistance, mean) << ','
            << (mean ? std::to_string(r.evaluatedNodes) : "") << '\n';
    }
    out.Commit();
}

void
ResultsWriter::WriteMembership(const std::vector<NetworkDynamics::Change>& changes) const
{
    auto out = Open(m_directory + "/membership.csv");
    out << "time_s,node,event\n";
    for (const auto& change : changes)
    {
        out << Csv(change.at.GetSeconds()) << ',' << change.node << ',' << change.event << '\n';
    }
    out.Commit();
}

void
ResultsWriter::WriteTraffic(const std::vector<NodeTraffic>& traffic) const
{
    auto out = Open(m_directory + "/traffic.csv");
    out << "node,iterations,bytes_sent,fragments_sent,bytes_received,fragments_received,"
           "bytes_flushed,fragments_flushed,bytes_malformed,fragments_malformed,"
           "transfers_failed,connections_opened,connections_closed,peak_sockets,"
           "fragments_unreachable\n";
    for (const auto& row : traffic)
    {
        const auto& c = row.counters;
        out << row.node << ',' << row.iterations << ',' << c.bytesSent << ',' << c.messagesSent
            << ',' << c.bytesReceived << ',' << c.messagesReceived << ',' << c.bytesFlushed << ','
            << c.messagesFlushed << ',' << c.bytesMalformed << ',' << c.messagesMalformed << ','
            << c.transfersFailed << ',' << c.connectionsOpened << ',' << c.connectionsClosed << ','
            << c.peakSockets << ',' << c.messagesUnreachable << '\n';
    }
    out.Commit();
}

void
ResultsWriter::WriteSummary(const RunDescription& run,
                            const ExperimentResult& result,
                            const LearningMonitor& monitor) const
{
    const auto target = monitor.GetTarget();
    const auto& reached = result.timeToTarget;
    const double evaluationWall = monitor.GetEvaluationWallSeconds();

    auto out = Open(m_directory + "/summary.json");
    out << "{\n"
        << "  \"algorithm\": \"" << run.algorithm << "\",\n"
        << "  \"workload\": \"" << run.workload << "\",\n"
        << "  \"nodes\": " << run.nodes << ",\n"
        << "  \"evaluated_nodes\": " << monitor.GetEvaluatedNodes().size() << ",\n"
        << "  \"seed\": " << run.seed << ",\n"
        << "  \"simulated_seconds\": " << Json(run.simulatedSeconds) << ",\n"
        << "  \"wall_seconds\": " << Json(run.wallSeconds) << ",\n"
        << "  \"wall_training_seconds\": " << Json(result.trainingWallSeconds) << ",\n"
        << "  \"wall_evaluation_seconds\": " << Json(evaluationWall) << ",\n"
        << "  \"wall_other_seconds\": " << Json(run.wallSeconds - run.learningWaitSeconds) << ",\n"
        << "  \"wall_learning_wait_seconds\": " << Json(run.learningWaitSeconds) << ",\n"
        << "  \"events\": " << run.events << ",\n"
        << "  \"workers\": " << run.workers << ",\n"
        << "  \"worker_threads\": " << run.workerThreads << ",\n"
        << "  \"final_mean_iteration\": " << Json(result.finalMeanIteration) << ",\n"
        << "  \"final_mean_accuracy\": " << Json(result.finalMeanAccuracy) << ",\n"
        << "  \"final_mean_loss\": " << Json(result.finalMeanLoss) << ",\n"
        << "  \"final_mean_mae\": " << Json(result.finalMeanMae) << ",\n"
        << "  \"final_consensus_distance\": " << Json(result.finalConsensusDistance) << ",\n"
        << "  \"diverged_nodes\": " << result.divergedNodes << ",\n"
        << "  \"name\": \"" << JsonString(run.name) << "\",\n"
        << "  \"target_metric\": \"" << (monitor.IsLossTarget() ? "loss" : "accuracy") << "\",\n"
        << "  \"target\": " << (target ? Json(*target) : "null") << ",\n"
        << "  \"time_to_target_s\": " << (reached ? Json(*reached) : "null") << ",\n"
        << "  \"bytes_sent_total\": " << result.bytesSent << ",\n"
        << "  \"ranks\": " << run.ranks << ",\n"
        << "  \"network_events_not_reached\": " << run.networkEventsNotReached << ",\n"
        << "  \"islands\": " << run.islands << "\n"
        << "}\n";
    out.Commit();
}

} // namespace ns3
