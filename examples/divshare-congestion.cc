/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// A shared bottleneck: DivShare on a dumbbell (topologies/dumbbell.topo: 8 learning nodes on
// each side of a 10 Mbit/s link with a 100-packet FIFO), run twice, alone and with the file's
// cross traffic (a TCP bulk transfer and on/off UDP through the same bottleneck). Prints, for
// both runs, the bottleneck queue's occupancy and drops, fragment delivery latency and
// time-to-accuracy; writes each run's results and congestion traces into --out/alone and
// --out/shared. Run from the module's folder (the topology path is relative).
//
//   ./build/examples/divshare-congestion --simTime=60
//   /usr/bin/python3 utils/plot-congestion.py results/congestion/alone results/congestion/shared

#include "ns3/command-line.h"
#include "ns3/divshare-module.h"

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("DivShareCongestionExample");

namespace
{

/** The comma-separated fields of every data row of a CSV file. */
std::vector<std::vector<std::string>>
ReadRows(const std::string& path)
{
    std::ifstream in(path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line))
    {
        std::vector<std::string> fields;
        std::istringstream split(line);
        for (std::string field; std::getline(split, field, ',');)
        {
            fields.push_back(field);
        }
        rows.push_back(fields);
    }
    return rows;
}

/** Summarise one run from its traces. */
void
Report(const std::string& label,
       const std::string& dir,
       const ExperimentResult& result,
       const std::string& from,
       const std::string& to,
       double after)
{
    // queues.csv: time_s,node,toward,packets,bytes,limit_packets,dropped_packets
    double sum = 0;
    uint32_t samples = 0;
    uint32_t max = 0;
    uint32_t full = 0;
    std::string limit;
    std::string drops = "0";
    for (const auto& r : ReadRows(dir + "/queues.csv"))
    {
        if (r[1] == from && r[2] == to && std::stod(r[0]) > after)
        {
            const auto packets = static_cast<uint32_t>(std::stoul(r[3]));
            sum += packets;
            ++samples;
            max = std::max(max, packets);
            limit = r[5];
            full += !limit.empty() && packets + 1 >= std::stoul(limit);
            drops = r[6];
        }
    }
    // fragment-latency.csv: time_s,receiver,sender,fragment,bytes,latency_s
    std::vector<double> latencies;
    for (const auto& r : ReadRows(dir + "/fragment-latency.csv"))
    {
        if (std::stod(r[0]) > after)
        {
            latencies.push_back(std::stod(r[5]));
        }
    }
    std::sort(latencies.begin(), latencies.end());
    double mean = 0;
    for (double l : latencies)
    {
        mean += l / latencies.size();
    }
    std::cout << std::fixed << std::setprecision(3) << label << ": bottleneck " << from << "->"
              << to << " queue after " << after << " s: mean "
              << (samples ? sum / samples : 0.0) << " max " << max << " of " << limit
              << " packets, full in " << full << "/" << samples << " samples, " << drops
              << " drops; fragments delivered after " << after << " s: " << latencies.size()
              << ", latency mean " << mean << " s, p95 "
              << (latencies.empty() ? 0.0 : latencies[latencies.size() * 95 / 100])
              << " s; final accuracy " << result.finalMeanAccuracy << ", time to target "
              << (result.timeToTarget ? std::to_string(*result.timeToTarget) + " s"
                                      : std::string("not reached"))
              << std::endl;
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string topologyFile = "topologies/dumbbell.topo";
    std::string from = "left";
    std::string to = "right";
    std::string queueDisc = "fifo";
    uint32_t hidden = 128;
    uint32_t localSteps = 10;
    std::string computeTime = "ns3::ConstantRandomVariable[Constant=0.5]";
    double simTime = 60;
    double evalInterval = 2;
    double target = 0.9;
    uint64_t seed = 1;
    uint32_t workers = 0;
    uint32_t threads = 1;
    std::string out = "results/congestion";

    CommandLine cmd(__FILE__);
    cmd.AddValue("topology", "Topology file with a bottleneck and traffic lines", topologyFile);
    cmd.AddValue("from", "Router at the bottleneck's sending end", from);
    cmd.AddValue("to", "Router at its receiving end", to);
    cmd.AddValue("queueDisc", "Router queue discipline: fifo, red, codel, fq-codel", queueDisc);
    cmd.AddValue("hidden", "Hidden units of the MLP (model size)", hidden);
    cmd.AddValue("localSteps", "SGD steps per iteration", localSteps);
    cmd.AddValue("computeTime", "Simulated duration of one iteration", computeTime);
    cmd.AddValue("simTime", "Simulated seconds", simTime);
    cmd.AddValue("evalInterval", "Simulated seconds between evaluations", evalInterval);
    cmd.AddValue("target", "Target mean accuracy for time-to-accuracy", target);
    cmd.AddValue("seed", "Seed of everything random", seed);
    cmd.AddValue("workers",
                 "LibTorch worker threads beside the simulator (0: one per core but one)",
                 workers);
    cmd.AddValue("threads", "LibTorch threads per worker (0: one per core)", threads);
    cmd.AddValue("out", "Output folder (alone/ and shared/ inside)", out);
    cmd.Parse(argc, argv);

    try
    {
        const auto file = TopologyFileReader::Read(topologyFile);
        if (file.crossTraffic.empty())
        {
            throw std::invalid_argument(topologyFile + " has no traffic lines to compete with");
        }
        Time crossStart = file.crossTraffic.front().start;
        for (const auto& flow : file.crossTraffic)
        {
            crossStart = std::min(crossStart, flow.start);
        }
        const auto nodes = static_cast<uint32_t>(file.topology.hosts.size());
        SetLearningWorkers(workers, threads);
        ClassifierConfig model;
        model.model = "mlp";
        model.mlpHidden = hidden;
        model.initSeed = seed;
        model.samplingSeed = seed;

        for (const bool shared : {false, true})
        {
            ExperimentConfig config;
            config.topology = file.topology;
            if (shared)
            {
                config.crossTraffic = file.crossTraffic;
            }
            config.network.Set("queueDisc", queueDisc);
            config.workload = MakeSyntheticWorkload(nodes, "shards:2", model, seed);
            config.applicationAttributes = {{"LocalSteps", std::to_string(localSteps)},
                                            {"ComputeTime", computeTime}};
            config.simulatedSeconds = simTime;
            config.evaluationInterval = evalInterval;
            config.target = target;
            config.seed = seed;
            config.outputDirectory = out + (shared ? "/shared" : "/alone");
            config.congestionTraces = true;
            config.congestionSampleInterval = 0.1;
            std::cout << (shared ? "with" : "without") << " cross traffic ..." << std::endl;
            const auto result = RunExperiment(config);
            Report(shared ? "shared" : "alone ",
                   config.outputDirectory,
                   result,
                   from,
                   to,
                   crossStart.GetSeconds());
        }
        std::cout << "plot: /usr/bin/python3 utils/plot-congestion.py " << out << "/alone " << out
                  << "/shared" << std::endl;
    }
    catch (const std::exception& error)
    {
        std::cerr << "divshare-congestion: " << error.what() << std::endl;
        return 1;
    }
    return 0;
}
