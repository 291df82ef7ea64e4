/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Comparison: DivShare, AD-PSGD, Swift, D-PSGD and Epidemic Learning, one after the other,
// with the same seed, data, models and star network with communication stragglers, then one
// table: final mean accuracy, time to the target accuracy, and bytes sent per node. About 45 s
// of wall time on 2 cores with the defaults.
//
//   ./build/examples/divshare-comparison --nodes=16 --stragglers=4 --output=results/comparison
//
// Every algorithm gets the same J (--degree): DivShare sends Omega fragments to J peers each,
// Swift the whole model to J peers, AD-PSGD pushes to J/2 peers and gets as many replies,
// D-PSGD uses a J-regular graph and EL sends to J peers per round. Each run's
// evaluations.csv, traffic.csv and summary.json go to OUTPUT/<algorithm>/. Every scenario key
// is an option (see --PrintHelp).

#include "ns3/command-line.h"
#include "ns3/divshare-module.h"

#include <iomanip>
#include <iostream>
#include <sstream>
#include <utility>
#include <vector>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("DivShareComparison");

int
main(int argc, char* argv[])
{
    // One study description for every algorithm; this example's own defaults first.
    auto defaults = CreateObject<ExperimentHelper>();
    defaults->SetDefault("StragglerRate", "1Mbps");
    defaults->SetDefault("LocalSteps", "10");
    defaults->SetDefault("ComputeTime", "ns3::UniformRandomVariable[Min=0.4|Max=0.6]");
    defaults->SetDefault("EvaluationInterval", "2");
    defaults->SetDefault("Target", "0.85");
    defaults->SetDefault("OutputDirectory", "results/comparison");
    std::vector<std::string> algorithms = ExperimentHelper::GetAlgorithms();

    CommandLine cmd(__FILE__);
    ExperimentCommandLine options(cmd, defaults);
    options.AddKeyOptions();
    options.AddCustomOption("algorithms",
                            "Comma-separated algorithms to compare; an algorithm's own settings "
                            "(e.g. --fragments) apply to its runs only",
                            "divshare,adpsgd,swift,dpsgd,el",
                            [&algorithms](const std::string& value) {
                                algorithms.clear();
                                std::istringstream names(value);
                                for (std::string name; std::getline(names, name, ',');)
                                {
                                    const auto problem =
                                        ExperimentHelper::CheckValue("Algorithm", name);
                                    if (!problem.empty())
                                    {
                                        throw std::invalid_argument("--algorithms: " + problem);
                                    }
                                    algorithms.push_back(name);
                                }
                            });
    options.AddCustomOption(
        "shards",
        "Label shards per node (sets --partition=shards:N)",
        "2",
        [&defaults](const std::string& shards) { defaults->Set("Partition", "shards:" + shards); });
    options.Parse(argc, argv);

    return options.Run([&]() {
        const std::string out = defaults->Get("OutputDirectory");
        std::ostringstream table;
        table << std::left << std::setw(10) << "algorithm" << std::right << std::setw(11)
              << "final acc" << std::setw(14) << "time to " + defaults->Get("Target")
              << std::setw(14) << "MB sent/node" << std::setw(12) << "iterations" << std::setw(10)
              << "wall s"
              << "\n";
        // Every run is prepared (checked) before the first one starts.
        std::vector<std::pair<std::string, Ptr<ExperimentHelper>>> runs;
        for (const auto& algorithm : algorithms)
        {
            auto experiment = defaults->Clone();
            experiment->Set("Algorithm", algorithm);
            experiment->DropSettingsOfOtherAlgorithms();
            experiment->SetDefault("OutputDirectory", out + "/" + algorithm);
            experiment->Prepare();
            runs.emplace_back(algorithm, experiment);
        }
        for (const auto& [algorithm, experiment] : runs)
        {
            std::cout << "running " << algorithm << " on " << experiment->Get("Nodes") << " nodes, "
                      << experiment->Get("Duration") << " simulated seconds..." << std::endl;
            const auto result = experiment->RunAll();
            ExperimentCommandLine::PrintResult(*experiment, result);
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
                  << result.bytesSent / 1e6 / experiment->GetApplications().GetN()
                  << std::setprecision(1) << std::setw(12) << result.finalMeanIteration
                  << std::setw(10) << result.wallSeconds << "\n";
        }
        std::cout << "\n" << table.str();
    });
}
