/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// A study built the plain ns-3 way: a network from TopologyHelper, one application per
// node from DecentralizedLearningHelper, a LearningMonitor, a trace sink of our own, and
// Simulator::Run. Nothing here goes through ExperimentHelper: this is what it does for you,
// and where your own ns-3 code (other applications, mobility, link changes) would go.
//
//   ./build/examples/divshare-ns3-way --nodes=8 --simTime=20

#include "ns3/command-line.h"
#include "ns3/divshare-module.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

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
    double simTime = 20;
    CommandLine cmd(__FILE__);
    cmd.AddValue("nodes", "Learning nodes (2 of them stragglers)", nodes);
    cmd.AddValue("simTime", "Simulated seconds", simTime);
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
    if (nodes < 4 || simTime <= 0)
    {
        std::cerr << "divshare-ns3-way: --nodes must be at least 4 and --simTime positive"
                  << std::endl;
        return 1;
    }

    // The task: a synthetic 10-class problem, two classes per node.
    ClassifierConfig model;
    auto workload = MakeSyntheticWorkload(nodes, "shards:2", model, 1);

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
    apps.Stop(Seconds(simTime));

    Arrivals arrivals;
    apps.Get(0)->TraceConnectWithoutContext("FragmentReceived",
                                            MakeBoundCallback(&FragmentReceived, &arrivals));

    LearningMonitor monitor(apps, Seconds(2));
    ProgressLine progress(Seconds(simTime));
    progress.Start();
    monitor.SetProgress(&progress);
    monitor.Start(Seconds(simTime));

    Simulator::Stop(Seconds(simTime));
    Simulator::Run();
    monitor.EvaluateNow();
    progress.Finish();
    std::cout << "mean accuracy " << monitor.GetLastMean().accuracy << "; node 0 received "
              << arrivals.count << " fragments (" << arrivals.bytes / 1e6 << " MB), "
              << (arrivals.count ? arrivals.latency.GetSeconds() / arrivals.count : 0.0)
              << " s after their transfer started, on average" << std::endl;
    Simulator::Destroy();
    return 0;
}
