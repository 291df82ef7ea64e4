/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_SCENARIO_H
#define DIVSHARE_SCENARIO_H

#include "experiment-keys.h"

#include "ns3/experiment-helper.h"

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief A scenario that cannot be used: the message names the file, line or key, the
 * problem and the allowed values.
 */
class ScenarioError : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

/**
 * \ingroup divshare
 * \brief A study as a file: `key = value` lines, `#` comments, every key a setting of
 * GetExperimentKeys(), whose Attribute gives its default, range and help.
 *
 * Values are checked as they are read, exactly as ExperimentHelper::Set checks them: unknown
 * keys, repeated keys, values of the wrong type and impossible values are refused with a
 * ScenarioError naming the file and line (or the command-line option), the key and what is
 * allowed. Keys left out keep their Attribute's default. Set() overrides any key, for sweeps
 * from the command line; ApplyTo() hands the keys set to an ExperimentHelper, whose
 * Prepare() checks how they combine.
 */
class Scenario
{
  public:
    /**
     * \param path scenario file
     * \return the scenario it describes
     * \throws ScenarioError if the file cannot be read or holds a bad line
     */
    static Scenario FromFile(const std::string& path);
    /**
     * \param text scenario text
     * \param origin name used in error messages, e.g. the file name
     * \return the scenario it describes
     * \throws ScenarioError for a bad line
     */
    static Scenario FromText(const std::string& text, const std::string& origin);

    /**
     * \brief Set a key, checking the value.
     * \param key the key
     * \param value its new value
     * \param where origin for error messages, e.g. "file.scenario:12" or "--seed"
     * \throws ScenarioError for an unknown key or a bad value
     */
    void Set(const std::string& key, const std::string& value, const std::string& where);
    /** \param key a key \return its value as set, or its default */
    std::string Get(const std::string& key) const;
    /** \param key a key: forget it was set (it takes its default) */
    void Remove(const std::string& key);
    /** \param key a key \return whether the scenario (or an override) set it */
    bool IsSet(const std::string& key) const;
    /** \return every key and value, in schema order, as a scenario file would list them */
    std::string ToText() const;
    /**
     * \brief Set the keys this scenario sets on a study, and name settings as scenario keys
     * in its messages. When the algorithm was chosen on the command line, the file's
     * settings of its own algorithm that the chosen one does not have are left out (a file
     * written for DivShare runs Swift without its fragments); settings given on the command
     * line are always applied, so Prepare() refuses those that do not apply.
     * \param experiment the study
     * \return the keys left out
     */
    std::vector<std::string> ApplyTo(ExperimentHelper& experiment) const;

  private:
    static const ExperimentKey& Lookup(const std::string& key, const std::string& where);

    std::map<std::string, std::string> m_values; //!< keys set, and their values
    std::map<std::string, std::string> m_setAt;  //!< where each key was set
};

} // namespace ns3

#endif /* DIVSHARE_SCENARIO_H */
