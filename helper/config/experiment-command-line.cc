/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "experiment-command-line.h"

#include "../common/attribute-check.h"
#include "experiment-keys.h"

#include "ns3/boolean.h"
#include "ns3/distributed-run.h"
#include "ns3/experiment-setting.h"
#include "ns3/global-value.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
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
      m_experiment(experiment),
      m_program("divshare")
{
    m_experiment->SetNaming(&OptionOf);
    for (const auto& key : GetExperimentKeys())
    {
        if (!key.former.empty())
        {
            AddFormerName(key.former, key.key);
        }
    }
}

void
ExperimentCommandLine::AddKeyOptions()
{
    for (const auto& key : GetExperimentKeys())
    {
        // As ns-3's own options: a boolean given alone (--flush) is true.
        const bool flag = static_cast<bool>(
            DynamicCast<const BooleanChecker>(ExperimentSetting::Locate(key.attribute).checker));
        AddCustomOption(key.key,
                        DescribeExperimentKey(key).help,
                        m_experiment->Get(key.attribute),
                        [this, flag, attribute = key.attribute](const std::string& value) {
                            m_experiment->Set(attribute, value.empty() && flag ? "true" : value);
                        });
    }
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
ExperimentCommandLine::AddFormerName(const std::string& former,
                                     const std::string& name,
                                     std::function<bool(const std::string&)> accepts)
{
    m_formers[former] = {name, std::move(accepts)};
}

std::vector<std::string>
ExperimentCommandLine::Translate(int argc, char* argv[]) const
{
    std::vector<std::string> arguments(argv, argv + argc);
    for (auto& argument : arguments)
    {
        if (argument.rfind("--", 0) != 0)
        {
            continue;
        }
        // --name=value, or --name alone (a boolean set to true).
        const auto equals = argument.find('=');
        const auto former = m_formers.find(argument.substr(2, equals - 2));
        const std::string rest = equals == std::string::npos ? "" : argument.substr(equals);
        if (former != m_formers.end() &&
            (!former->second.accepts || former->second.accepts(rest.substr(rest.empty() ? 0 : 1))))
        {
            std::cerr << m_program << ": warning: --" << former->first
                      << " is a former name and will be removed; write --" << former->second.name
                      << std::endl;
            argument = "--" + former->second.name + rest;
        }
    }
    return arguments;
}

void
ExperimentCommandLine::Parse(int argc, char* argv[], const std::function<void()>& beforeApplying)
{
    if (argc > 0)
    {
        m_program = std::filesystem::path(argv[0]).filename().string();
    }
    const int failed = Run([&]() {
        const auto arguments = Translate(argc, argv);
        // ns-3 aborts on malformed values of its own forms: check them first.
        for (const auto& argument : arguments)
        {
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
        m_cmd.Parse(arguments);
        // After ns-3's own options: --SimulatorImplementationType chooses the simulator.
        DistributedRun::Enable(&argc, &argv);
        if (m_cmd.GetNExtraNonOptions() > 0)
        {
            const std::string extra = m_cmd.GetExtraNonOption(0);
            throw std::invalid_argument("unexpected argument '" + extra +
                                        "': options are written --name=value (e.g. --" + extra +
                                        "); --PrintHelp lists them");
        }
        if (beforeApplying)
        {
            beforeApplying();
        }
        for (const auto& [option, value] : m_given)
        {
            m_apply.at(option)(value);
        }
    });
    if (failed)
    {
        std::exit(failed);
    }
}

int
ExperimentCommandLine::Run(const std::function<void()>& study) const
{
    try
    {
        study();
    }
    catch (const std::exception& error)
    {
        std::cerr << m_program << ": " << error.what() << std::endl;
        return 1;
    }
    return 0;
}

void
ExperimentCommandLine::PrintResult(const ExperimentHelper& experiment,
                                   const ExperimentResult& result)
{
    const bool loss = !experiment.GetWorkload()->HasAccuracy();
    const std::string output = experiment.Get("OutputDirectory");
    std::cout << "final mean " << (loss ? "loss " : "accuracy ")
              << result.Final(loss ? result.finalMeanLoss : result.finalMeanAccuracy)
              << ", time to " << experiment.Get("Target") << ": ";
    if (result.timeToTarget)
    {
        std::cout << *result.timeToTarget << " s";
    }
    else
    {
        std::cout << "not reached";
    }
    std::cout << ", " << result.bytesSent / 1e6 << " MB sent, " << result.wallSeconds << " s wall\n"
              << (output.empty() ? "no result files (" + OptionOf("OutputDirectory") + " is empty)"
                                 : "results in " + output + "/")
              << std::endl;
    if (const char* outputs = std::getenv("DIVSHARE_OUTPUTS"); outputs && !output.empty())
    {
        std::ofstream(outputs, std::ios::app) << output << "\n";
    }
}

} // namespace ns3
