/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// A study built the plain ns-3 way: a network from TopologyHelper, one application per
// node from DecentralizedLearningHelper, a LearningMonitor, a trace sink of our own, and
// Simulator::Run; ResultsWriter writes the same result files as every other example.
// Nothing here goes through ExperimentHelper: this is what it does for you, and where your
// own ns-3 code (other applications, mobility, link changes) would go.
//
//   ./build/examples/divshare-ns3-way --nodes=8 --duration=20 --output=results/ns3-way

#include "ns3/command-line.h"
#include "ns3/divshare-module.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <chrono>
#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("DivShareNs3Way");

namespace
{

/** Our own trace sink: bytes of the fragments node 0 received, and how late they were. */
struct Arrivals
{
    uint64_t bytes{0};
    Time latency{0};
    uint32_t count{0};
};

void
FragmentReceived(Arrivals* arrivals, uint32_t, uint32_t, uint32_t bytes, Time latency)
{
    arrivals->bytes += bytes;
    arrivals->latency += latency;
    ++arrivals->count;
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t nodes = 8;
    double duration = 20;
    std::string output = "results/ns3-way";
    CommandLine cmd(__FILE__);
    cmd.AddValue("nodes", "Learning nodes (2 of them stragglers)", nodes);
    cmd.AddValue("duration", "Simulated seconds", duration);
    cmd.AddValue("simTime", "Former name of --duration", duration);
    cmd.AddValue("output", "Folder for the result files (empty: none written)", output);
    cmd.Parse(argc, argv);
    if (DistributedRun::GetLaunchedRanks() > 1)
    {
        // Every rank would run the whole study: a distributed study partitions the network
        // and installs each rank's nodes only, as ExperimentHelper does.
        std::cerr << "divshare-ns3-way: started as " << DistributedRun::GetLaunchedRanks()
                  << " MPI ranks, but this example runs in one process; run it without "
                     "mpirun, or run divshare-scenario under mpirun for a distributed study"
                  << std::endl;
        return 1;
    }
    // ns-3's CommandLine reads --nodes=-1 as 4294967295; Time holds 9.2e9 s.
    if (nodes < 4 || nodes > 1000 || !(duration > 0 && duration <= Time::Max().GetSeconds()))
    {
        std::cerr << "divshare-ns3-way: --nodes = " << nodes << ", --duration = " << duration
                  << ": give 4 to 1000 nodes and a duration above 0, at most 9.2e9 s" << std::endl;
        return 1;
    }

    // The task: a synthetic 10-class problem, two classes per node.
    ClassifierConfig model;
    std::unique_ptr<ClassificationWorkload> workload;
    try
    {
        workload = MakeSyntheticWorkload(nodes, "shards:2", model, 1);
    }
    catch (const std::invalid_argument& error)
    {
        std::cerr << "divshare-ns3-way: " << error.what() << std::endl;
        return 1;
    }

    // The network: a star, the last two nodes behind 2 Mbit/s links.
    InstalledTopology network =
        TopologyHelper().Install(NetworkTopology::Star(nodes,
                                                       DataRate("20Mbps"),
                                                       MilliSeconds(1),
                                                       {{2, DataRate("2Mbps")}}));

    // The applications: DivShare on every host, configured by Attributes.
    DecentralizedLearningHelper learning("ns3::DivShareApplication");
    learning.SetAttribute("LocalSteps", UintegerValue(10));
    learning.SetAttribute("Fragments", UintegerValue(4));
    learning.SetAttribute("Degree", UintegerValue(3));
    learning.SetAttribute("ComputeTime", StringValue("ns3::ConstantRandomVariable[Constant=0.5]"));
    learning.SetTransportAttribute("MaxConcurrentTransfers", UintegerValue(4));
    ApplicationContainer apps;
    try
    {
        apps = learning.Install(network.hosts, network.addresses, *workload);
    }
    catch (const std::invalid_argument& error)
    {
        std::cerr << "divshare-ns3-way: " << error.what() << std::endl;
        return 1;
    }
    DecentralizedLearningHelper::AssignStreams(apps, 0);
    apps.Start(Seconds(0));
    apps.Stop(Seconds(duration));

    Arrivals arrivals;
    apps.Get(0)->TraceConnectWithoutContext("FragmentReceived",
                                            MakeBoundCallback(&FragmentReceived, &arrivals));

    LearningMonitor monitor(apps, Seconds(2));
    monitor.SetTarget(0.6, false); // time to 60 % mean accuracy, in summary.json
    ProgressLine progress(Seconds(duration));
    progress.Start();
    monitor.SetProgress(&progress);
    monitor.Start(Seconds(duration));

    const auto start = std::chrono::steady_clock::now();
    Simulator::Stop(Seconds(duration));
    Simulator::Run();
    monitor.EvaluateNow();
    progress.Finish();
    if (!output.empty())
    {
        // The files every example writes, from the same monitor and counters.
        const auto traffic = NodeTraffic::Collect(apps);
        const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
        RunDescription run;
        run.name = "ns3-way";
        run.algorithm = "divshare";
        run.workload = workload->GetName();
        run.nodes = nodes;
        run.seed = 1;
        run.simulatedSeconds = duration;
        run.wallSeconds = wall.count();
        run.events = Simulator::GetEventCount();
        run.workers = LearningWorkerPool::Get().GetWorkers();
        run.workerThreads = LearningWorkerPool::Get().GetThreadsPerWorker();
        ResultsWriter(output).Write(run,
                                    ExperimentResult::Compute(monitor, traffic, wall.count()),
                                    monitor,
                                    traffic);
    }
    std::cout << "mean accuracy " << monitor.GetLastMean().accuracy << "; node 0 received "
              << arrivals.count << " fragments (" << arrivals.bytes / 1e6 << " MB), "
              << (arrivals.count ? arrivals.latency.GetSeconds() / arrivals.count : 0.0)
              << " s after their transfer started, on average"
              << (output.empty() ? "" : "\nresults in " + output + "/") << std::endl;
    Simulator::Destroy();
    return 0;
}
