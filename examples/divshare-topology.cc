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
    auto experiment = CreateObject<ExperimentHelper>();
    // This example's own defaults; the options below override them.
    experiment->Set("Topology", "file");
    experiment->Set("Duration", "30");
    experiment->Set("EvaluationInterval", "2");
    experiment->Set("LocalSteps", "10");
    experiment->Set("ComputeTime", "ns3::ConstantRandomVariable[Constant=0.5]");
    experiment->Set("CongestionTraces", "true");
    experiment->Set("OutputDirectory", "results/topology");
    experiment->GetComponent<EvaluationComponent>()->SetAttribute("Progress", BooleanValue(true));
    std::string file;

    CommandLine cmd(__FILE__);
    ExperimentCommandLine options(cmd, experiment);
    for (const char* format : {"topology", "kollaps"})
    {
        options.AddCustomOption(
            format,
            std::string(format) == "topology" ? "A topology file in divshare's format"
                                              : "A Kollaps XML topology (instead of --topology)",
            "",
            [&file, &experiment](const std::string& path) {
                if (!file.empty())
                {
                    throw std::invalid_argument("give one of --topology and --kollaps, once");
                }
                file = path;
                experiment->Set("TopologyFile", path);
            });
    }
    options.AddRunOptions();
    options.AddOptions({"intra_region_rate",
                        "intra_region_delay",
                        "cross_traffic",
                        "allow_islands",
                        "queue_disc",
                        "queue_size",
                        "tcp_variant",
                        "mtu",
                        "error_rate",
                        "fragments",
                        "degree",
                        "mlp_hidden",
                        "local_steps",
                        "compute_time",
                        "congestion_traces",
                        "trace_interval",
                        "events"});
    options.Parse(argc, argv);

    try
    {
        if (file.empty())
        {
            throw std::invalid_argument("give a network: --topology=FILE or --kollaps=FILE.xml");
        }
        experiment->Prepare();
        const auto& topology = experiment->GetTopology();
        std::cout << "divshare on " << file << ": " << topology.hosts.size() << " learning nodes, "
                  << topology.routers.size() << " routers, " << topology.links.size()
                  << " router links, " << experiment->GetCrossTraffic().size()
                  << " cross-traffic flows" << std::endl;
        const auto result = experiment->RunAll();
        const std::string out = experiment->Get("OutputDirectory");
        std::cout << "final mean accuracy " << result.Final(result.finalMeanAccuracy)
                  << ", time to " << experiment->Get("Target") << ": "
                  << (result.timeToTarget ? std::to_string(*result.timeToTarget) + " s"
                                          : std::string("not reached"))
                  << "\nresults in " << out << "/";
        if (experiment->Get("CongestionTraces") == "true")
        {
            std::cout << " (plot: /usr/bin/python3 utils/plot-congestion.py " << out << ")";
        }
        std::cout << std::endl;
    }
    catch (const std::exception& error)
    {
        std::cerr << "divshare-topology: " << error.what() << std::endl;
        return 1;
    }
    return 0;
}
