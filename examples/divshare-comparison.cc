/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Comparison: DivShare, AD-PSGD, Swift, D-PSGD and Epidemic Learning, one after the other,
// with the same seed, data, models and star network with communication stragglers, then one
// table: final mean accuracy, time to the target accuracy, and bytes sent per node. About 45 s
// of wall time on 2 cores with the defaults.
//
//   ./build/examples/divshare-comparison --nodes=16 --stragglers=4 --out=results/comparison
//
// Every algorithm gets the same J (--degree): DivShare sends Omega fragments to J peers each,
// Swift the whole model to J peers, AD-PSGD pushes to J/2 peers and gets as many replies,
// D-PSGD uses a J-regular graph and EL sends to J peers per round. Each run's
// evaluations.csv, traffic.csv and summary.json go to OUT/<algorithm>/.

#include "ns3/command-line.h"
#include "ns3/divshare-module.h"

#include <iomanip>
#include <iostream>
#include <sstream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("DivShareComparison");

int
main(int argc, char* argv[])
{
    uint32_t nodes = 16;
    uint32_t stragglers = 4;
    std::string fastRate = "20Mbps";
    std::string slowRate = "1Mbps";
    std::string delay = "1ms";
    std::string algorithms = "divshare,adpsgd,swift,dpsgd,el";
    uint32_t fragments = 10;
    uint32_t degree = 6;
    uint32_t maxTransfers = 4;
    uint32_t localSteps = 10;
    std::string computeTime = "ns3::UniformRandomVariable[Min=0.4|Max=0.6]";
    uint32_t hidden = 128;
    uint32_t shards = 2;
    double simTime = 60;
    double evalInterval = 2;
    double target = 0.85;
    uint64_t seed = 1;
    uint32_t workers = 0;
    uint32_t threads = 1;
    std::string out = "results/comparison";

    CommandLine cmd(__FILE__);
    cmd.AddValue("nodes", "Number of learning nodes", nodes);
    cmd.AddValue("stragglers", "How many of them are communication stragglers", stragglers);
    cmd.AddValue("fastRate", "Access rate of the other nodes", fastRate);
    cmd.AddValue("slowRate", "Access rate of the stragglers", slowRate);
    cmd.AddValue("delay", "One-way delay of every access link", delay);
    cmd.AddValue("algorithms", "Comma-separated algorithms to compare", algorithms);
    cmd.AddValue("fragments", "DivShare: fragments per model (Omega)", fragments);
    cmd.AddValue("degree", "J, for every algorithm (see the top of this file)", degree);
    cmd.AddValue("maxTransfers", "Concurrent outbound transfers per node", maxTransfers);
    cmd.AddValue("localSteps", "SGD steps per iteration", localSteps);
    cmd.AddValue("computeTime", "Simulated duration of one iteration (a random variable)",
                 computeTime);
    cmd.AddValue("hidden", "Hidden units of the MLP", hidden);
    cmd.AddValue("shards", "Label shards per node (non-IID-ness)", shards);
    cmd.AddValue("simTime", "Simulated seconds per run", simTime);
    cmd.AddValue("evalInterval", "Simulated seconds between evaluations", evalInterval);
    cmd.AddValue("target", "Target mean accuracy for time-to-accuracy", target);
    cmd.AddValue("seed", "Seed of everything random, the same for every run", seed);
    cmd.AddValue("workers",
                 "LibTorch worker threads beside the simulator (0: one per core but one)",
                 workers);
    cmd.AddValue("threads", "LibTorch threads per worker (0: one per core)", threads);
    cmd.AddValue("out", "Output folder; each run writes into OUT/<algorithm>/", out);
    cmd.Parse(argc, argv);

    try
    {
        SetLearningWorkers(workers, threads);
        ClassifierConfig model;
        model.mlpHidden = hidden;
        model.initSeed = seed;
        model.samplingSeed = seed;

        ExperimentConfig config;
        config.workload =
            MakeSyntheticWorkload(nodes, "shards:" + std::to_string(shards), model, seed);
        config.topology = NetworkTopology::Star(nodes,
                                                DataRate(fastRate),
                                                Time(delay),
                                                {{stragglers, DataRate(slowRate)}});
        config.transportAttributes = {{"MaxConcurrentTransfers", std::to_string(maxTransfers)}};
        config.simulatedSeconds = simTime;
        config.evaluationInterval = evalInterval;
        config.target = target;
        config.seed = seed;
        std::cout << config.workload->Describe() << "\n"
                  << "star of " << nodes << " nodes (" << stragglers << " at " << slowRate
                  << ", the rest at " << fastRate << "), " << simTime
                  << " simulated seconds per run, J = " << degree << std::endl;

        std::ostringstream table;
        table << std::left << std::setw(10) << "algorithm" << std::right << std::setw(11)
              << "final acc" << std::setw(14) << "time to " + std::to_string(target).substr(0, 4)
              << std::setw(14) << "MB sent/node" << std::setw(12) << "iterations" << std::setw(10)
              << "wall s" << "\n";
        std::istringstream names(algorithms);
        for (std::string algorithm; std::getline(names, algorithm, ',');)
        {
            config.algorithm = algorithm;
            config.applicationAttributes = {{"LocalSteps", std::to_string(localSteps)},
                                            {"ComputeTime", computeTime},
                                            {"Degree", std::to_string(degree)}};
            if (algorithm == "divshare")
            {
                config.applicationAttributes["Fragments"] = std::to_string(fragments);
            }
            config.outputDirectory = out + "/" + algorithm;
            std::cout << "running " << algorithm << "..." << std::endl;
            const auto result = RunExperiment(config);
            std::ostringstream reached;
            if (result.timeToTarget)
            {
                reached << std::fixed << std::setprecision(1) << *result.timeToTarget << " s";
            }
            else
            {
                reached << "not reached";
            }
            table << std::left << std::setw(10) << algorithm << std::right << std::fixed
                  << std::setprecision(3) << std::setw(11) << result.finalMeanAccuracy
                  << std::setw(14) << reached.str() << std::setprecision(2) << std::setw(14)
                  << result.bytesSent / 1e6 / nodes << std::setprecision(1) << std::setw(12)
                  << result.finalMeanIteration << std::setw(10) << result.wallSeconds << "\n";
        }
        std::cout << "\n" << table.str() << "results in " << out << "/<algorithm>/" << std::endl;
    }
    catch (const std::exception& error)
    {
        std::cerr << "divshare-comparison: " << error.what() << std::endl;
        return 1;
    }
    return 0;
}
