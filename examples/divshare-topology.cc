/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// DivShare on a network read from a file: divshare's own topology format (see
// topologies/README.md) or a Kollaps XML file such as the paper's reference topologies.
// Learns the quick start's synthetic task; every host of the file is a learning node.
//
//   ./build/examples/divshare-topology --topology_file=topologies/star-16.topo
//   ./build/examples/divshare-topology --topology_file=$REGIONS --intra_region_rate=1Gbps
//   (REGIONS=../shared/data/topologies/regions-60n-10x6.xml, the paper's regions)
//   ./build/examples/divshare-topology --topology_file=topologies/edge-wifi.topo
//
// Writes evaluations.csv, traffic.csv, summary.json and (unless --congestion_traces=false)
// the congestion traces (link-utilization.csv, queues.csv, flows.csv, fragment-latency.csv)
// into --output. Every scenario key is an option (see --PrintHelp).

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
    experiment->SetDefault("Topology", "file");
    experiment->SetDefault("Duration", "30");
    experiment->SetDefault("EvaluationInterval", "2");
    experiment->SetDefault("LocalSteps", "10");
    experiment->SetDefault("ComputeTime", "ns3::ConstantRandomVariable[Constant=0.5]");
    experiment->SetDefault("CongestionTraces", "true");
    experiment->SetDefault("OutputDirectory", "results/topology");
    experiment->GetComponent<EvaluationComponent>()->SetAttribute("Progress", BooleanValue(true));

    CommandLine cmd(__FILE__);
    ExperimentCommandLine options(cmd, experiment);
    options.AddKeyOptions();
    // This example's former options: --kollaps=FILE and --topology=FILE.
    options.AddFormerName("kollaps", "topology_file");
    options.AddFormerName("topology", "topology_file", [](const std::string& value) {
        return value != "star" && value != "file";
    });
    options.Parse(argc, argv);

    return options.Run([&experiment]() {
        experiment->Prepare();
        const auto& topology = experiment->GetTopology();
        std::cout << "divshare on " << experiment->Get("TopologyFile") << ": "
                  << topology.hosts.size() << " learning nodes, " << topology.routers.size()
                  << " routers, " << topology.links.size() << " router links, "
                  << topology.cells.size() << " Wi-Fi cells, "
                  << experiment->GetCrossTraffic().size() << " cross-traffic flows" << std::endl;
        ExperimentCommandLine::PrintResult(*experiment, experiment->RunAll());
        if (experiment->Get("CongestionTraces") == "true")
        {
            std::cout << "plot: /usr/bin/python3 utils/plot-congestion.py "
                      << experiment->Get("OutputDirectory") << std::endl;
        }
    });
}
