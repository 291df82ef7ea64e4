/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Quick start: DivShare on a star of 16 nodes, 4 of them communication stragglers, learning
// a synthetic 10-class task split non-IID (two classes per node). About 30 s on 2 cores.
//
//   ./build/examples/divshare-quickstart --nodes=16 --stragglers=4 --output=results/quickstart
//
// Writes evaluations.csv, traffic.csv and summary.json into --output. --algorithm=adpsgd,
// swift, dpsgd or el runs a baseline on the same network instead; `./divshare run` runs
// DivShare, AD-PSGD and Swift one after the other and compares them. Every scenario key is an
// option (see --PrintHelp); this example only changes a few defaults, to finish in half a
// minute with evaluations fine enough to time the 0.85 target to a second.

#include "ns3/command-line.h"
#include "ns3/divshare-module.h"

#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("DivShareQuickstart");

int
main(int argc, char* argv[])
{
    auto experiment = CreateObject<ExperimentHelper>();
    // This example's own defaults; the options below override them.
    experiment->SetDefault("LocalSteps", "10");
    experiment->SetDefault("ComputeTime", "ns3::ConstantRandomVariable[Constant=0.5]");
    experiment->SetDefault("Duration", "40");
    experiment->SetDefault("EvaluationInterval", "1");
    experiment->SetDefault("Target", "0.85");
    experiment->SetDefault("OutputDirectory", "results/quickstart");
    experiment->GetComponent<EvaluationComponent>()->SetAttribute("Progress", BooleanValue(true));

    CommandLine cmd(__FILE__);
    ExperimentCommandLine options(cmd, experiment);
    options.AddKeyOptions();
    options.AddCustomOption("shards",
                            "Label shards per node (sets --partition=shards:N)",
                            "2",
                            [&experiment](const std::string& shards) {
                                experiment->Set("Partition", "shards:" + shards);
                            });
    options.Parse(argc, argv);

    return options.Run([&experiment]() {
        experiment->Prepare();
        std::cout << experiment->GetWorkload()->Describe() << "\n"
                  << experiment->Get("Algorithm") << " on a star of " << experiment->Get("Nodes")
                  << " nodes (" << experiment->Get("Stragglers") << " at "
                  << experiment->Get("StragglerRate") << ", the rest at " << experiment->Get("Rate")
                  << "), " << experiment->Get("Duration") << " simulated seconds" << std::endl;
        ExperimentCommandLine::PrintResult(*experiment, experiment->RunAll());
    });
}
