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

#include <filesystem>
#include <fstream>
#include <iostream>
#include <type_traits>

using namespace ns3;

namespace
{

/** Keep an override for later: the scenario checks it and names it in any error. */
bool
RecordOverride(std::vector<std::string>* overrides, std::string key, std::string value)
{
    overrides->push_back("--" + key + "=" + value);
    return true;
}

/**
 * \return RecordOverride bound to overrides and key, in a form CommandLine::AddValue takes on
 * every ns-3 release: a function object where a Callback can be made of one (ns-3.36 on:
 * AddValue takes a Callback<bool, std::string>, recent releases a Callback<bool, const
 * std::string&>), a Callback<bool, std::string> of the function on ns-3.35.
 */
auto
OverrideRecorder(std::vector<std::string>* overrides, const std::string& key)
{
    auto record = [overrides, key](const std::string& value) {
        return RecordOverride(overrides, key, value);
    };
    if constexpr (std::is_constructible_v<Callback<bool, std::string>, decltype(record)>)
    {
        return record;
    }
    else
    {
        return MakeBoundCallback(&RecordOverride, overrides, key);
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string file;
    std::vector<std::string> overrides;
    CommandLine cmd(__FILE__);
    cmd.Usage("Run the study described by a scenario file; --KEY=VALUE overrides a key.");
    cmd.AddNonOption("scenario", "Scenario file (default: every key at its default)", file);
    for (const auto& key : Scenario::GetKeys())
    {
        cmd.AddValue(key.name,
                     key.help + " [" + key.defaultValue + "]",
                     OverrideRecorder(&overrides, key.name));
    }
    cmd.Parse(argc, argv);

    try
    {
        Scenario scenario = file.empty() ? Scenario() : Scenario::FromFile(file);
        scenario.ApplyOverrides(overrides);
        SetLearningWorkers(static_cast<uint32_t>(scenario.GetUint("workers")),
                           static_cast<uint32_t>(scenario.GetUint("threads")));
        const ExperimentConfig config = MakeExperimentConfig(scenario);
        std::cout << "scenario " << scenario.Get("name") << ": " << config.algorithm << ", "
                  << config.topology.hosts.size() << " nodes, " << config.simulatedSeconds
                  << " simulated seconds\n"
                  << config.workload->Describe() << std::endl;

        std::filesystem::create_directories(config.outputDirectory);
        std::ofstream(config.outputDirectory + "/scenario.txt") << scenario.ToText();
        const auto result = RunExperiment(config);
        std::cout << "final mean " << (config.lossTarget ? "loss " : "accuracy ")
                  << (config.lossTarget ? result.finalMeanLoss : result.finalMeanAccuracy)
                  << ", time to target: "
                  << (result.timeToTarget ? std::to_string(*result.timeToTarget) + " s"
                                          : std::string("not reached"))
                  << ", " << result.wallSeconds << " s wall\nresults in "
                  << config.outputDirectory << "/" << std::endl;
    }
    catch (const std::exception& error)
    {
        std::cerr << "divshare-scenario: " << error.what() << std::endl;
        return 1;
    }
    return 0;
}
