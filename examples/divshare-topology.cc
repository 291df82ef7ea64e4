/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// DivShare on a network read from a file: divshare's own topology format (see
// topologies/README.md) or a Kollaps XML file such as the paper's reference topologies.
// Learns the quick start's synthetic task; every host of the file is a learning node.
//
//   ./build/examples/divshare-topology --topology=topologies/star-16.topo
//   ./build/examples/divshare-topology --kollaps=../shared/data/topologies/regions-60n-10x6.xml
//       --intraRate=1Gbps --simTime=30 --traces=true
//
// Writes evaluations.csv, traffic.csv, summary.json and, with --traces, the congestion
// traces (link-utilization.csv, queues.csv, flows.csv, fragment-latency.csv) into --out.

#include "ns3/command-line.h"
#include "ns3/divshare-module.h"

#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("DivShareTopologyExample");

int
main(int argc, char* argv[])
{
    std::string topologyFile;
    std::string kollapsFile;
    std::string intraRate = "1Gbps";
    std::string intraDelay = "0ms";
    bool crossTraffic = true;
    NetworkOptions network;
    std::string queueDisc = network.queueDisc;
    std::string queueSize;
    std::string tcpVariant = network.tcpVariant;
    uint32_t mtu = network.mtu;
    double errorRate = network.errorRate;
    uint32_t fragments = 10;
    uint32_t degree = 6;
    uint32_t localSteps = 10;
    std::string computeTime = "ns3::ConstantRandomVariable[Constant=0.5]";
    double simTime = 30;
    double evalInterval = 2;
    double target = 0.6;
    bool traces = true;
    double traceInterval = 0.1;
    uint64_t seed = 1;
    uint32_t workers = 0;
    uint32_t threads = 1;
    std::string out = "results/topology";

    CommandLine cmd(__FILE__);
    cmd.AddValue("topology", "A topology file in divshare's format", topologyFile);
    cmd.AddValue("kollaps", "A Kollaps XML topology (instead of --topology)", kollapsFile);
    cmd.AddValue("intraRate", "Kollaps regions: access rate inside a region", intraRate);
    cmd.AddValue("intraDelay", "Kollaps regions: access delay inside a region", intraDelay);
    cmd.AddValue("crossTraffic", "Run the topology file's traffic lines", crossTraffic);
    cmd.AddValue("queueDisc", "Router queue discipline: default, fifo, red, codel, fq-codel",
                 queueDisc);
    cmd.AddValue("queueSize", "Router queue size, e.g. 100p (empty: the discipline's)", queueSize);
    cmd.AddValue("tcpVariant", "TCP variant: default, newreno, cubic, bbr, ...", tcpVariant);
    cmd.AddValue("mtu", "MTU of every link, bytes", mtu);
    cmd.AddValue("errorRate", "Packet error rate of every link", errorRate);
    cmd.AddValue("fragments", "DivShare: fragments per model (Omega)", fragments);
    cmd.AddValue("degree", "Peers each fragment is sent to (J)", degree);
    cmd.AddValue("localSteps", "SGD steps per iteration", localSteps);
    cmd.AddValue("computeTime", "Simulated duration of one iteration", computeTime);
    cmd.AddValue("simTime", "Simulated seconds", simTime);
    cmd.AddValue("evalInterval", "Simulated seconds between evaluations", evalInterval);
    cmd.AddValue("target", "Target mean accuracy for time-to-accuracy", target);
    cmd.AddValue("traces", "Write congestion traces", traces);
    cmd.AddValue("traceInterval", "Simulated seconds between trace samples", traceInterval);
    cmd.AddValue("seed", "Seed of everything random", seed);
    cmd.AddValue("workers",
                 "LibTorch worker threads beside the simulator (0: one per core but one)",
                 workers);
    cmd.AddValue("threads", "LibTorch threads per worker (0: one per core)", threads);
    cmd.AddValue("out", "Output folder", out);
    cmd.Parse(argc, argv);

    try
    {
        if (topologyFile.empty() == kollapsFile.empty())
        {
            throw std::invalid_argument("give exactly one of --topology and --kollaps");
        }
        ExperimentConfig config;
        if (!topologyFile.empty())
        {
            const auto file = TopologyFileReader::Read(topologyFile);
            config.topology = file.topology;
            if (crossTraffic)
            {
                config.crossTraffic = file.crossTraffic;
            }
        }
        else
        {
            KollapsOptions kollaps;
            kollaps.intraRegionRate = ParseRate(intraRate);
            kollaps.intraRegionDelay = ParseDelay(intraDelay);
            config.topology = KollapsReader::Read(kollapsFile, kollaps);
        }
        network.Set("queueDisc", queueDisc);
        if (!queueSize.empty())
        {
            network.Set("queueSize", queueSize);
        }
        network.Set("tcpVariant", tcpVariant);
        network.Set("mtu", std::to_string(mtu));
        network.Set("errorRate", std::to_string(errorRate));
        config.network = network;

        const auto nodes = static_cast<uint32_t>(config.topology.hosts.size());
        SetLearningWorkers(workers, threads);
        ClassifierConfig model;
        model.model = "mlp";
        model.initSeed = seed;
        model.samplingSeed = seed;
        config.workload = MakeSyntheticWorkload(nodes, "shards:2", model, seed);
        config.applicationAttributes = {{"LocalSteps", std::to_string(localSteps)},
                                        {"ComputeTime", computeTime},
                                        {"Fragments", std::to_string(fragments)},
                                        {"Degree", std::to_string(degree)}};
        config.simulatedSeconds = simTime;
        config.evaluationInterval = evalInterval;
        config.target = target;
        config.seed = seed;
        config.outputDirectory = out;
        config.congestionTraces = traces;
        config.congestionSampleInterval = traceInterval;
        config.progress = true;

        std::cout << "divshare on " << (topologyFile.empty() ? kollapsFile : topologyFile) << ": "
                  << nodes << " learning nodes, " << config.topology.routers.size()
                  << " routers, " << config.topology.links.size() << " router links, "
                  << config.crossTraffic.size() << " cross-traffic flows" << std::endl;
        const auto result = RunExperiment(config);
        std::cout << "final mean accuracy " << result.finalMeanAccuracy << ", time to " << target
                  << ": "
                  << (result.timeToTarget ? std::to_string(*result.timeToTarget) + " s"
                                          : std::string("not reached"))
                  << "\nresults in " << out << "/ (plot: /usr/bin/python3 utils/plot-congestion.py "
                  << out << ")" << std::endl;
    }
    catch (const std::exception& error)
    {
        std::cerr << "divshare-topology: " << error.what() << std::endl;
        return 1;
    }
    return 0;
}
