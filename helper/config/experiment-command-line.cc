/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "experiment-command-line.h"

#include "../common/attribute-check.h"
#include "experiment-keys.h"

#include "ns3/distributed-run.h"
#include "ns3/global-value.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <type_traits>

namespace ns3
{

namespace
{

bool
RecordValue(std::vector<std::pair<std::string, std::string>>* given,
            std::string option,
            std::string value)
{
    given->emplace_back(std::move(option), std::move(value));
    return true;
}

/**
 * \return RecordValue bound to given and option, in a form CommandLine::AddValue takes on
 * every ns-3 release: a function object where a Callback can be made of one (ns-3.36 on), a
 * bound Callback on ns-3.35.
 */
auto
Recorder(std::vector<std::pair<std::string, std::string>>* given, const std::string& option)
{
    auto record = [given, option](const std::string& value) {
        return RecordValue(given, option, value);
    };
    if constexpr (std::is_constructible_v<Callback<bool, std::string>, decltype(record)>)
    {
        return record;
    }
    else
    {
        return MakeBoundCallback(&RecordValue, given, option);
    }
}

/**
 * \return what is wrong with an ns-3 form `--ns3::Type::Attribute=value` or
 * `--GlobalValue=value`, or an empty string (also for other arguments)
 */
std::string
CheckNs3Argument(const std::string& name, const std::string& value)
{
    for (auto it = GlobalValue::Begin(); it != GlobalValue::End(); ++it)
    {
        if ((*it)->GetName() == name)
        {
            std::string normalized;
            return NormalizeAttributeValue((*it)->GetChecker(), value, normalized);
        }
    }
    const auto separator = name.rfind("::");
    TypeId tid;
    if (separator == std::string::npos || separator == 0 ||
        !TypeId::LookupByNameFailSafe(name.substr(0, separator), &tid))
    {
        return "";
    }
    return CheckAttributeValue(tid, name.substr(separator + 2), value);
}

} // namespace

ExperimentCommandLine::ExperimentCommandLine(CommandLine& cmd, Ptr<ExperimentHelper> experiment)
    : m_cmd(cmd),
      m_experiment(experiment)
{
    m_experiment->SetNaming(&OptionOf);
}

void
ExperimentCommandLine::AddOptions(const std::vector<std::string>& keys)
{
    for (const auto& name : keys)
    {
        const ExperimentKey* key = FindExperimentKey(name);
        if (!key)
        {
            throw std::logic_error("ExperimentCommandLine: no setting " + name);
        }
        const std::string attribute = key->attribute;
        AddCustomOption(
            key->option,
            DescribeExperimentKey(*key).help,
            m_experiment->Get(attribute),
            [this, attribute](const std::string& value) { m_experiment->Set(attribute, value); });
    }
}

void
ExperimentCommandLine::AddRunOptions()
{
    AddOptions({"duration",
                "eval_interval",
                "target",
                "seed",
                "workers",
                "threads",
                "output",
                "pcap",
                "netanim"});
}

void
ExperimentCommandLine::AddCustomOption(const std::string& name,
                                       const std::string& help,
                                       const std::string& defaultValue,
                                       std::function<void(const std::string&)> apply)
{
    m_apply[name] = std::move(apply);
    m_cmd.AddValue(name, help + " [" + defaultValue + "]", Recorder(&m_given, name));
}

void
ExperimentCommandLine::Parse(int argc, char* argv[])
{
    const std::string program =
        argc > 0 ? std::filesystem::path(argv[0]).filename().string() : "divshare";
    try
    {
        // ns-3 aborts on malformed values of its own forms: check them first.
        for (int i = 1; i < argc; ++i)
        {
            const std::string argument = argv[i];
            const auto equals = argument.find('=');
            if (argument.rfind("--", 0) == 0 && equals != std::string::npos)
            {
                const std::string name = argument.substr(2, equals - 2);
                const std::string problem = CheckNs3Argument(name, argument.substr(equals + 1));
                if (!problem.empty() && !m_apply.count(name))
                {
                    throw std::invalid_argument("--" + name + ": " + problem);
                }
            }
        }
        m_cmd.Parse(argc, argv);
        // After ns-3's own options: --SimulatorImplementationType chooses the simulator.
        DistributedRun::Enable(&argc, &argv);
        if (m_cmd.GetNExtraNonOptions() > 0)
        {
            const std::string extra = m_cmd.GetExtraNonOption(0);
            throw std::invalid_argument("unexpected argument '" + extra +
                                        "': options are written --name=value (e.g. --" + extra +
                                        "); --PrintHelp lists them");
        }
        for (const auto& [option, value] : m_given)
        {
            m_apply.at(option)(value);
        }
    }
    catch (const std::exception& error)
    {
        std::cerr << program << ": " << error.what() << std::endl;
        std::exit(1);
    }
}

} // namespace ns3
