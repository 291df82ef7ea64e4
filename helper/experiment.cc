/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "experiment.h"

#include "attribute-check.h"
#include "congestion-tracer.h"
#include "decentralized-learning-helper.h"
#include "learning-monitor.h"
#include "results-writer.h"
#include "topology-helper.h"

#include "ns3/config.h"
#include "ns3/decentralized-learning-application.h"
#include "ns3/ipv4-address-generator.h"
#include "ns3/log.h"
#include "ns3/model-transport.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DivShareExperiment");

std::string
AlgorithmTypeId(const std::string& algorithm)
{
    static const std::map<std::string, std::string> known{
        {"divshare", "ns3::DivShareApplication"},
        {"adpsgd", "ns3::AdPsgdApplication"},
        {"swift", "ns3::SwiftApplication"},
        {"dpsgd", "ns3::DpsgdApplication"},
        {"el", "ns3::EpidemicLearningApplication"},
    };
    auto it = known.find(algorithm);
    if (it == known.end())
    {
        std::string names;
        for (const auto& [name, type] : known)
        {
            names += (names.empty() ? "" : ", ") + name;
        }
        throw std::invalid_argument("unknown algorithm '" + algorithm + "'; known: " + names);
    }
    return it->second;
}

ExperimentResult
RunExperiment(const ExperimentConfig& config)
{
    const auto wallStart = std::chrono::steady_clock::now();
    if (!config.workload)
    {
        throw std::invalid_argument("experiment: no workload");
    }
    if (config.workload->GetNodeCount() != config.topology.hosts.size())
    {
        throw std::invalid_argument(
            "experiment: the topology has " + std::to_string(config.topology.hosts.size()) +
            " learning nodes but the workload is partitioned for " +
            std::to_string(config.workload->GetNodeCount()));
    }
    if (!(config.simulatedSeconds > 0) || !(config.evaluationInterval > 0))
    {
        throw std::invalid_argument("experiment: simulated time and evaluation interval must be "
                                    "positive");
    }

    RngSeedManager::SetSeed(static_cast<uint32_t>(config.seed == 0 ? 1 : config.seed));
    RngSeedManager::SetRun(1);
    // The MTU caps the segment size.
    Config::SetDefault("ns3::TcpSocket::SegmentSize",
                       UintegerValue(std::min(config.tcpSegmentSize,
                                              config.network.MaxSegmentSize())));
    config.network.ApplyDefaults();
    // Addresses are reused run after run in one process (tests, sweeps).
    Ipv4AddressGenerator::Reset();

    // Before anything is built: ns-3 aborts on a value its Attribute refuses.
    const TypeId application = TypeId::LookupByName(AlgorithmTypeId(config.algorithm));
    for (const auto& [attributes, tid] :
         {std::make_pair(&config.applicationAttributes, application),
          std::make_pair(&config.transportAttributes, ModelTransport::GetTypeId())})
    {
        for (const auto& [name, value] : *attributes)
        {
            const std::string problem = CheckAttributeValue(tid, name, value);
            if (!problem.empty())
            {
                throw std::invalid_argument(tid.GetName() + "::" + name + " = '" + value +
                                            "': " + problem);
            }
        }
    }
    const InstalledTopology network = TopologyHelper().Install(config.topology, config.network);
    DecentralizedLearningHelper helper(application.GetName());
    helper.SetAttribute("Seed", UintegerValue(config.seed));
    for (const auto& [name, value] : config.applicationAttributes)
    {
        helper.SetAttribute(name, StringValue(value));
    }
    for (const auto& [name, value] : config.transportAttributes)
    {
        helper.SetTransportAttribute(name, StringValue(value));
    }
    ApplicationContainer apps = helper.Install(network.hosts, network.addresses, *config.workload);
    DecentralizedLearningHelper::AssignStreams(apps, 0);
    apps.Start(Seconds(0));
    apps.Stop(Seconds(config.simulatedSeconds));
    CrossTrafficHelper().Install(config.crossTraffic,
                                 config.topology,
                                 network,
                                 Seconds(config.simulatedSeconds));
    std::unique_ptr<CongestionTracer> tracer;
    if (config.congestionTraces)
    {
        tracer = std::make_unique<CongestionTracer>(config.topology,
                                                    network,
                                                    Seconds(config.congestionSampleInterval));
        tracer->WatchApplications(apps);
        tracer->Start(Seconds(config.simulatedSeconds));
    }

    LearningMonitor monitor(apps, Seconds(config.evaluationInterval));
    monitor.SetNodeSample(config.evaluationNodes);
    monitor.SetProgress(config.progress);
    if (config.target)
    {
        monitor.SetTarget(*config.target, config.lossTarget);
    }
    monitor.Start(Seconds(config.simulatedSeconds));

    const double waitedBefore = LearningWorkerPool::Get().GetWaitSeconds();
    Simulator::Stop(Seconds(config.simulatedSeconds));
    Simulator::Run();
    monitor.EvaluateNow();
    const double learningWait = LearningWorkerPool::Get().GetWaitSeconds() - waitedBefore;
    if (tracer)
    {
        tracer->Finish();
    }

    ExperimentResult result;
    const auto& records = monitor.GetRecords();
    const auto& last = monitor.GetLastMean();
    result.finalMeanAccuracy = last.accuracy;
    result.finalMeanLoss = last.loss;
    result.finalMeanIteration = last.iteration;
    result.finalConsensusDistance = last.consensusDistance;
    for (const auto& r : records)
    {
        if (r.node < 0)
        {
            result.initialConsensusDistance = r.consensusDistance;
            break;
        }
    }
    result.timeToTarget = monitor.GetTimeToTarget();
    result.divergedNodes = monitor.GetDivergedCount();
    if (result.divergedNodes > 0)
    {
        std::cerr << "warning: " << result.divergedNodes << " of "
                  << monitor.GetEvaluatedNodes().size()
                  << " evaluated models diverged (loss nan or inf at the end); lower the "
                     "learning rate"
                  << std::endl;
    }
    for (uint32_t i = 0; i < apps.GetN(); ++i)
    {
        const auto& c =
            DynamicCast<DecentralizedLearningApplication>(apps.Get(i))->GetTransport()->GetCounters();
        result.bytesSent += c.bytesSent;
        result.fragmentsSent += c.messagesSent;
        result.fragmentsFlushed += c.messagesFlushed;
        result.fragmentsMalformed += c.messagesMalformed;
    }
    result.wallSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();

    if (!config.outputDirectory.empty())
    {
        RunDescription run;
        run.algorithm = DynamicCast<DecentralizedLearningApplication>(apps.Get(0))
                            ->GetAlgorithmName();
        run.workload = config.workload->GetName();
        run.nodes = apps.GetN();
        run.seed = config.seed;
        run.simulatedSeconds = config.simulatedSeconds;
        run.wallSeconds = result.wallSeconds;
        run.learningWaitSeconds = learningWait;
        run.events = Simulator::GetEventCount();
        run.workers = LearningWorkerPool::Get().GetWorkers();
        run.workerThreads = LearningWorkerPool::Get().GetThreadsPerWorker();
        run.hasAccuracy = config.workload->HasAccuracy();
        ResultsWriter(config.outputDirectory).Write(run, monitor, apps);
        if (tracer)
        {
            tracer->Write(config.outputDirectory);
        }
    }
    Simulator::Destroy();
    return result;
}

} // namespace ns3
