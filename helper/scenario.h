/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_SCENARIO_H
#define DIVSHARE_SCENARIO_H

#include <cstdint>
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
 * \brief One key a scenario may set.
 */
struct ScenarioKey
{
    /** How a value is checked. */
    enum Kind
    {
        TEXT,     //!< any text
        PATH,     //!< a file or folder path (existence is checked where it is used)
        CHOICE,   //!< one of `choices`
        UINT,     //!< a non-negative integer in [minimum, maximum]
        REAL,     //!< a number in [minimum, maximum]
        BOOL,     //!< true or false
        RATE,     //!< an ns-3 data rate, e.g. 60Mbps
        TIME,     //!< an ns-3 time, e.g. 1ms
        RANDOM,   //!< an ns-3 random variable, e.g. ns3::ConstantRandomVariable[Constant=1]
    };

    /**
     * \param name the key
     * \param kind how its value is checked
     * \param defaultValue value when the scenario does not set it
     * \param help one line for users
     * \param choices allowed values of a CHOICE
     * \param minimum lower bound of a UINT or REAL
     * \param maximum upper bound of a UINT or REAL
     */
    ScenarioKey(std::string name,
                Kind kind,
                std::string defaultValue,
                std::string help,
                std::vector<std::string> choices = {},
                double minimum = 0,
                double maximum = 1e18);

    std::string name;                 //!< the key
    Kind kind;                        //!< how its value is checked
    std::string defaultValue;         //!< value when the scenario does not set it
    std::string help;                 //!< one line for users
    std::vector<std::string> choices; //!< allowed values of a CHOICE
    double minimum;                   //!< lower bound of a UINT or REAL
    double maximum;                   //!< upper bound of a UINT or REAL
};

/**
 * \ingroup divshare
 * \brief A study as a file: `key = value` lines, `#` comments, every key from GetKeys().
 *
 * Values are checked as they are read: unknown keys, repeated keys, values of the wrong type
 * and impossible values are refused with a ScenarioError naming the file and line (or the
 * command-line option), the key and what is allowed. Keys left out take their defaults.
 * Set() overrides any key, for sweeps from the command line.
 */
class Scenario
{
  public:
    /** \brief A scenario with every key at its default. */
    Scenario();
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
    /**
     * \brief Apply `--key=value` arguments.
     * \param arguments the arguments; each must be of that form
     * \throws ScenarioError for a malformed argument, an unknown key or a bad value
     */
    void ApplyOverrides(const std::vector<std::string>& arguments);

    /** \param key a key \return its value as text */
    const std::string& Get(const std::string& key) const;
    /** \param key a UINT key \return its value */
    uint64_t GetUint(const std::string& key) const;
    /** \param key a REAL key \return its value */
    double GetReal(const std::string& key) const;
    /** \param key a BOOL key \return its value */
    bool GetBool(const std::string& key) const;
    /** \param key a key \return whether the scenario (or an override) set it */
    bool IsSet(const std::string& key) const;
    /** \return every key and value, in schema order, as a scenario file would list them */
    std::string ToText() const;

    /** \return the schema: every key a scenario may set */
    static const std::vector<ScenarioKey>& GetKeys();

  private:
    static const ScenarioKey& Lookup(const std::string& key, const std::string& where);

    std::map<std::string, std::string> m_values;
    std::map<std::string, std::string> m_setAt; //!< where each explicitly set key was set
};

} // namespace ns3

#endif /* DIVSHARE_SCENARIO_H */
