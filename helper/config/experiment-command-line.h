/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_EXPERIMENT_COMMAND_LINE_H
#define DIVSHARE_EXPERIMENT_COMMAND_LINE_H

#include "ns3/command-line.h"
#include "ns3/experiment-helper.h"
#include "ns3/ptr.h"

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Study settings on an ns-3 CommandLine, by their option names (ExperimentKey): the
 * help and the default shown are the Attribute's (or the example's, once it set one on the
 * ExperimentHelper), and every value goes through ExperimentHelper::Set.
 *
 * Parse() refuses, with one line and exit code 1 before anything runs: a bad value, an
 * argument that is not an option (`seed=3` for `--seed=3`), and malformed values for ns-3's
 * own `--ns3::Type::Attribute=` and `--GlobalValue=` forms, which ns-3 would abort on.
 * Under an MPI launcher it first starts the distributed run (DistributedRun::Enable).
 */
class ExperimentCommandLine
{
  public:
    /**
     * \param cmd the program's command line
     * \param experiment the study the options set
     */
    ExperimentCommandLine(CommandLine& cmd, Ptr<ExperimentHelper> experiment);

    /**
     * \brief Add options for these settings.
     * \param keys scenario keys (see GetExperimentKeys())
     */
    void AddOptions(const std::vector<std::string>& keys);
    /**
     * \brief Add the options every study program has: duration, eval_interval, target,
     * seed, workers, threads and output (--simTime, --evalInterval, --target, --seed,
     * --workers, --threads, --out).
     */
    void AddRunOptions();
    /**
     * \brief Add an option of the program's own; its value is recorded, in order with the
     * others, and handed to apply after parsing (which may throw std::invalid_argument).
     * \param name the option
     * \param help its help
     * \param defaultValue shown in the help
     * \param apply applies a value
     */
    void AddCustomOption(const std::string& name,
                         const std::string& help,
                         const std::string& defaultValue,
                         std::function<void(const std::string&)> apply);
    /**
     * \brief Parse and apply the options; on any error print "program: message" and exit 1.
     * \param argc argument count
     * \param argv arguments
     */
    void Parse(int argc, char* argv[]);

  private:
    CommandLine& m_cmd;
    Ptr<ExperimentHelper> m_experiment;
    std::map<std::string, std::function<void(const std::string&)>> m_apply;
    std::vector<std::pair<std::string, std::string>> m_given;
};

} // namespace ns3

#endif /* DIVSHARE_EXPERIMENT_COMMAND_LINE_H */
