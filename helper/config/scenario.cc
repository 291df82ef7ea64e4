/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "scenario.h"

#include "../common/name-list.h"

#include "ns3/input-file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace ns3
{

namespace
{

std::string
Trim(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos)
    {
        return "";
    }
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

/** \return line without its comment: from a '#' at its start or after a blank (a '#' inside a
 * value, as in a path, is kept) */
std::string
StripComment(const std::string& line)
{
    for (std::size_t at = line.find('#'); at != std::string::npos; at = line.find('#', at + 1))
    {
        if (at == 0 || line[at - 1] == ' ' || line[at - 1] == '\t')
        {
            return line.substr(0, at);
        }
    }
    return line;
}

} // namespace

const ExperimentKey&
Scenario::Lookup(const std::string& key, const std::string& where)
{
    const auto& keys = GetExperimentKeys();
    auto it = std::find_if(keys.begin(), keys.end(), [&key](const ExperimentKey& k) {
        return k.key == key;
    });
    if (it == keys.end())
    {
        std::vector<std::string> names;
        for (const auto& k : keys)
        {
            names.push_back(k.key);
        }
        throw ScenarioError(where + ": unknown key '" + key + "'; known keys: " + JoinNames(names));
    }
    return *it;
}

void
Scenario::Set(const std::string& key, const std::string& value, const std::string& where)
{
    const std::string problem = ExperimentHelper::CheckValue(Lookup(key, where).attribute, value);
    if (!problem.empty())
    {
        throw ScenarioError(where + ": " + key + " = '" + value + "': " + problem);
    }
    m_values[key] = value;
    m_setAt[key] = where;
}

Scenario
Scenario::FromText(const std::string& text, const std::string& origin)
{
    Scenario scenario;
    // A byte-order mark (some editors write one) is no part of the first key.
    const std::string bom = "\xEF\xBB\xBF";
    std::istringstream in(text.rfind(bom, 0) == 0 ? text.substr(bom.size()) : text);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number)
    {
        const std::string where = origin + ":" + std::to_string(number);
        const std::string content = Trim(StripComment(line));
        if (content.empty())
        {
            continue;
        }
        const auto equals = content.find('=');
        if (equals == std::string::npos)
        {
            throw ScenarioError(where + ": expected 'key = value', got '" + content + "'");
        }
        const std::string key = Trim(content.substr(0, equals));
        if (scenario.m_setAt.count(key))
        {
            throw ScenarioError(where + ": " + key + " is already set at " + scenario.m_setAt[key] +
                                "; set each key once");
        }
        scenario.Set(key, Trim(content.substr(equals + 1)), where);
    }
    return scenario;
}

Scenario
Scenario::FromFile(const std::string& path)
{
    std::ifstream in;
    try
    {
        in = OpenInputFile(path, "scenario file");
    }
    catch (const std::invalid_argument& error)
    {
        throw ScenarioError(error.what());
    }
    std::ostringstream text;
    text << in.rdbuf();
    return FromText(text.str(), path);
}

std::string
Scenario::Get(const std::string& key) const
{
    auto it = m_values.find(key);
    return it != m_values.end() ? it->second
                                : DescribeExperimentKey(Lookup(key, "Scenario::Get")).defaultValue;
}

bool
Scenario::IsSet(const std::string& key) const
{
    return m_setAt.count(key) > 0;
}

std::string
Scenario::ToText() const
{
    std::ostringstream out;
    for (const auto& key : GetExperimentKeys())
    {
        out << key.key << " = " << Get(key.key) << "\n";
    }
    return out.str();
}

void
Scenario::Remove(const std::string& key)
{
    m_values.erase(key);
    m_setAt.erase(key);
}

std::vector<std::string>
Scenario::ApplyTo(ExperimentHelper& experiment) const
{
    experiment.SetNaming(&ScenarioKeyOf);
    auto fromCommandLine = [this](const std::string& key) {
        auto it = m_setAt.find(key);
        return it != m_setAt.end() && it->second.compare(0, 2, "--") == 0;
    };
    std::vector<std::string> leftOut;
    for (const auto& key : GetExperimentKeys())
    {
        auto it = m_values.find(key.key);
        if (it == m_values.end())
        {
            continue;
        }
        // The algorithm is set first (its key comes first): what applies is known here.
        if (fromCommandLine("algorithm") && !fromCommandLine(key.key) &&
            !experiment.AppliesToAlgorithm(key.attribute))
        {
            leftOut.push_back(key.key);
            continue;
        }
        experiment.Set(key.attribute, it->second);
    }
    return leftOut;
}

} // namespace ns3
