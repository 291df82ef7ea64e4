/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_EXPERIMENT_KEYS_H
#define DIVSHARE_EXPERIMENT_KEYS_H

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief One setting of a study under its two names: the key (of scenario files, and with
 * "--" the command-line option of every example) and the Attribute (of ExperimentHelper or
 * one of its components, of the applications, of ModelTransport) or GlobalValue that holds
 * it. The Attribute is the single source of the setting's default, range and help; the names
 * are declared here once.
 */
struct ExperimentKey
{
    std::string key;       //!< scenario key and option, e.g. local_steps
    std::string attribute; //!< the Attribute or GlobalValue, e.g. LocalSteps
    /** The option's former name (e.g. localSteps), still read with a warning; empty if none. */
    std::string former;
};

/**
 * \ingroup divshare
 * \return every setting, in the order scenario files and help list them
 */
const std::vector<ExperimentKey>& GetExperimentKeys();

/**
 * \ingroup divshare
 * \param name a scenario key or an attribute name
 * \return its setting, or null
 */
const ExperimentKey* FindExperimentKey(const std::string& name);

/**
 * \ingroup divshare
 * \brief What the Attribute says of a setting.
 */
struct ExperimentKeyInfo
{
    std::string help;         //!< the Attribute's help text
    std::string defaultValue; //!< its initial value, as text
};

/**
 * \ingroup divshare
 * \param key a setting
 * \return its help and default, read from its Attribute or GlobalValue
 */
ExperimentKeyInfo DescribeExperimentKey(const ExperimentKey& key);

/**
 * \ingroup divshare
 * \param attribute a setting's Attribute (or GlobalValue) name
 * \return its scenario key, or the name itself if the table has none
 */
std::string ScenarioKeyOf(const std::string& attribute);

/**
 * \ingroup divshare
 * \param attribute a setting's Attribute (or GlobalValue) name
 * \return its command-line option with its dashes, or the name itself if the table has none
 */
std::string OptionOf(const std::string& attribute);

} // namespace ns3

#endif /* DIVSHARE_EXPERIMENT_KEYS_H */
