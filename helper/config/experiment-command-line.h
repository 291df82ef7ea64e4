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
 * \brief Study settings on an ns-3 CommandLine, every example's one block: AddKeyOptions()
 * gives every setting its option, named as its scenario key (`--local_steps`); the help and
 * the default shown are the Attribute's (or the program's, once it set one with
 * ExperimentHelper::SetDefault), and every value goes through ExperimentHelper::Set.
 * An option's former name (`--localSteps`, see ExperimentKey) is still read, with a one-line
 * warning.
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
     * \param experiment the study the options set; its messages name settings as options
     */
    ExperimentCommandLine(CommandLine& cmd, Ptr<ExperimentHelper> experiment);
    /** \brief Add an option for every setting (see GetExperimentKeys()). */
    void AddKeyOptions();
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
     * \brief Read `--former=VALUE` as `--name=VALUE`, with a warning, if accepts(VALUE) (or
     * always without accepts): a program's own former option names.
     * \param former the former name
     * \param name the option now
     * \param accepts which values the former name stands for
     */
    void AddFormerName(const std::string& former,
                       const std::string& name,
                       std::function<bool(const std::string&)> accepts = {});
    /**
     * \brief Parse and apply the options; on any error print "program: message" and exit 1.
     * \param argc argument count
     * \param argv arguments
     * \param beforeApplying run after parsing, before the options are applied (e.g. to load
     * a scenario file named by a positional argument, which the options then override)
     */
    void Parse(int argc, char* argv[], const std::function<void()>& beforeApplying = {});
    /**
     * \brief Run the program's study: an exception ends it with "program: message".
     * \param study the program's work after Parse()
     * \return the program's exit code: 0, or 1 after an error
     */
    int Run(const std::function<void()>& study) const;
    /**
     * \brief Print a finished study's headline figures and where its files are, the same
     * way in every example; with the environment variable DIVSHARE_OUTPUTS set, also append
     * the result folder to the file it names (how scripts learn where a program wrote).
     * \param experiment the study, after Run()
     * \param result its result
     */
    static void PrintResult(const ExperimentHelper& experiment, const ExperimentResult& result);

  private:
    /** A former option name and the values it stands for. */
    struct Former
    {
        std::string name;                                //!< the option now
        std::function<bool(const std::string&)> accepts; //!< empty: every value
    };

    /** \return the arguments with former names replaced, each replacement warned of */
    std::vector<std::string> Translate(int argc, char* argv[]) const;

    CommandLine& m_cmd;
    Ptr<ExperimentHelper> m_experiment;
    std::string m_program; //!< for messages
    std::map<std::string, std::function<void(const std::string&)>> m_apply;
    std::map<std::string, Former> m_formers;
    std::vector<std::pair<std::string, std::string>> m_given;
};

} // namespace ns3

#endif /* DIVSHARE_EXPERIMENT_COMMAND_LINE_H */
