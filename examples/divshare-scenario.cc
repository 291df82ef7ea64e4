/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Runs a study described by a scenario file (see scenarios/ and doc/divshare.rst):
//
//   ./divshare scenario scenarios/quickstart.scenario --seed=2 --algorithm=swift
//
// Any key of the file can be overridden as --key=value. The effective scenario is written
// beside the results as scenario.txt, so every result folder says how it was made.

#include "ns3/command-line.h"
#include "ns3/divshare-module.h"

#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    std::string file;
    Scenario scenario;
    CommandLine cmd(__FILE__);
    cmd.Usage("Run the study described by a scenario file; --KEY=VALUE overrides a key.");
    cmd.AddNonOption("scenario", "Scenario file (default: every key at its default)", file);
    auto experiment = CreateObject<ExperimentHelper>();
    ExperimentCommandLine options(cmd, experiment);
    for (const auto& key : GetExperimentKeys())
    {
        // Keys keep their scenario names here, and are applied after the file's.
        options.AddCustomOption(key.key,
                                DescribeExperimentKey(key).help,
                                DescribeExperimentKey(key).defaultValue,
                                [&scenario, name = key.key](const std::string& value) {
                                    scenario.Set(name, value, "--" + name);
                                });
    }
    options.Parse(argc, argv, [&file, &scenario]() {
        if (!file.empty())
        {
            scenario = Scenario::FromFile(file);
        }
    });

    return options.Run([&experiment, &scenario]() {
        // scenario.txt then lists what ran: not the file's settings of another algorithm.
        std::string leftOut;
        for (const auto& key : scenario.ApplyTo(*experiment))
        {
            leftOut += (leftOut.empty() ? "" : ", ") + key;
            scenario.Remove(key);
        }
        if (!leftOut.empty())
        {
            std::cout << "note: --algorithm=" << scenario.Get("algorithm") << " has no " << leftOut
                      << ": the file's settings of its own algorithm, left out" << std::endl;
        }
        experiment->GetComponent<EvaluationComponent>()->SetAttribute("Progress",
                                                                      BooleanValue(true));
        experiment->Prepare();
        const std::string output = scenario.Get("output");
        std::cout << "scenario " << scenario.Get("name") << ": " << scenario.Get("algorithm")
                  << ", " << experiment->GetTopology().hosts.size() << " nodes, "
                  << scenario.Get("duration") << " simulated seconds\n"
                  << experiment->GetWorkload()->Describe() << std::endl;
        // Prepare() made the folder; rank 0 writes a distributed run's files.
        if (DistributedRun::GetRank() == 0 && !output.empty())
        {
            ResultFile file(output + "/scenario.txt");
            file << scenario.ToText();
            file.Commit();
        }
        ExperimentCommandLine::PrintResult(*experiment, experiment->RunAll());
    });
}
