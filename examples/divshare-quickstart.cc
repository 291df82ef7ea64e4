/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Quick start: DivShare on a star of 16 nodes, 4 of them communication stragglers, learning
// a synthetic 10-class task split non-IID (two classes per node). About a minute on 2 cores.
//
//   ./divshare run --nodes=16 --stragglers=4 --simTime=60 --out=results/quickstart
//
// Writes evaluations.csv, traffic.csv and summary.json into --out. --algorithm=adpsgd, swift,
// dpsgd or el runs a baseline on the same network instead (see divshare-comparison for all).

#include "ns3/command-line.h"
#include "ns3/divshare-module.h"

#include <iostream>
#include <map>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("DivShareQuickstart");

int
main(int argc, char* argv[])
{
    uint32_t nodes = 16;
    uint32_t stragglers = 4;
    std::string fastRate = "20Mbps";
    std::string slowRate = "2Mbps";
    std::string delay = "1ms";
    std::string algorithm = "divshare";
    uint32_t fragments = 10;
    uint32_t degree = 6;
    bool flush = true;
    uint32_t maxTransfers = 4;
    uint32_t localSteps = 10;
    uint32_t batchSize = 8;
    double learningRate = 0.05;
    std::string computeTime = "ns3::ConstantRandomVariable[Constant=0.5]";
    uint32_t hidden = 128;
    uint32_t shards = 2;
    double simTime = 60;
    double evalInterval = 2;
    double target = 0.6;
    uint64_t seed = 1;
    uint32_t workers = 0;
    uint32_t threads = 1;
    std::string out = "results/quickstart";

    CommandLine cmd(__FILE__);
    cmd.AddValue("nodes", "Number of learning nodes", nodes);
    cmd.AddValue("stragglers", "How many of them are communication stragglers", stragglers);
    cmd.AddValue("fastRate", "Access rate of the other nodes", fastRate);
    cmd.AddValue("slowRate", "Access rate of the stragglers", slowRate);
    cmd.AddValue("delay", "One-way delay of every access link", delay);
    cmd.AddValue("algorithm", "Algorithm: divshare, adpsgd, swift, dpsgd or el", algorithm);
    cmd.AddValue("fragments", "DivShare: fragments per model (Omega)", fragments);
    cmd.AddValue("degree",
                 "Peers each fragment (or model) is sent to (J; AD-PSGD pushes to J/2 and is "
                 "answered; D-PSGD: graph degree; EL: s)",
                 degree);
    cmd.AddValue("flush", "DivShare: drop unsent fragments of the previous iteration", flush);
    cmd.AddValue("maxTransfers", "Concurrent outbound transfers per node", maxTransfers);
    cmd.AddValue("localSteps", "SGD steps per iteration", localSteps);
    cmd.AddValue("batchSize", "Mini-batch size", batchSize);
    cmd.AddValue("learningRate", "SGD learning rate", learningRate);
    cmd.AddValue("computeTime", "Simulated duration of one iteration (a random variable)",
                 computeTime);
    cmd.AddValue("hidden", "Hidden units of the MLP", hidden);
    cmd.AddValue("shards", "Label shards per node (non-IID-ness)", shards);
    cmd.AddValue("simTime", "Simulated seconds", simTime);
    cmd.AddValue("evalInterval", "Simulated seconds between evaluations", evalInterval);
    cmd.AddValue("target", "Target mean accuracy for time-to-accuracy", target);
    cmd.AddValue("seed", "Seed of everything random", seed);
    cmd.AddValue("workers",
                 "LibTorch worker threads beside the simulator (0: one per core but one)",
                 workers);
    cmd.AddValue("threads", "LibTorch threads per worker (0: one per core)", threads);
    cmd.AddValue("out", "Output folder", out);
    cmd.Parse(argc, argv);

    try
    {
        SetLearningWorkers(workers, threads);
        ClassifierConfig model;
        model.model = "mlp";
        model.mlpHidden = hidden;
        model.batchSize = batchSize;
        model.learningRate = learningRate;
        model.initSeed = seed;
        model.samplingSeed = seed;

        ExperimentConfig config;
        config.workload =
            MakeSyntheticWorkload(nodes, "shards:" + std::to_string(shards), model, seed);
        config.topology = NetworkTopology::Star(nodes,
                                                DataRate(fastRate),
                                                Time(delay),
                                                {{stragglers, DataRate(slowRate)}});
        config.algorithm = algorithm;
        config.applicationAttributes = {{"LocalSteps", std::to_string(localSteps)},
                                        {"ComputeTime", computeTime}};
        // Only the options the chosen algorithm has: Swift, for one, has no Fragments.
        const TypeId application = TypeId::LookupByName(AlgorithmTypeId(algorithm));
        for (const auto& [name, value] :
             std::map<std::string, std::string>{{"Fragments", std::to_string(fragments)},
                                                {"Degree", std::to_string(degree)},
                                                {"FlushQueue", flush ? "true" : "false"}})
        {
            TypeId::AttributeInformation info;
            if (application.LookupAttributeByName(name, &info))
            {
                config.applicationAttributes[name] = value;
            }
        }
        config.transportAttributes = {{"MaxConcurrentTransfers", std::to_string(maxTransfers)}};
        config.simulatedSeconds = simTime;
        config.evaluationInterval = evalInterval;
        config.target = target;
        config.seed = seed;
        config.outputDirectory = out;
        config.progress = true;

        std::cout << config.workload->Describe() << "\n"
                  << algorithm << " on a star of " << nodes << " nodes (" << stragglers
                  << " at " << slowRate << ", the rest at " << fastRate << "), " << simTime
                  << " simulated seconds" << std::endl;
        const auto result = RunExperiment(config);
        std::cout << "final mean accuracy " << result.finalMeanAccuracy << ", time to "
                  << target << ": "
                  << (result.timeToTarget ? std::to_string(*result.timeToTarget) + " s"
                                          : std::string("not reached"))
                  << ", " << result.bytesSent / 1e6 << " MB sent, " << result.wallSeconds
                  << " s wall\nresults in " << out << "/" << std::endl;
    }
    catch (const std::exception& error)
    {
        std::cerr << "divshare-quickstart: " << error.what() << std::endl;
        return 1;
    }
    return 0;
}
