/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_NAME_LIST_H
#define DIVSHARE_NAME_LIST_H

#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \param names names, e.g. the values a setting accepts
 * \return them as messages list them: "a, b, c"
 */
inline std::string
JoinNames(const std::vector<std::string>& names)
{
    std::string joined;
    for (const auto& name : names)
    {
        joined += (joined.empty() ? "" : ", ") + name;
    }
    return joined;
}

/**
 * \ingroup divshare
 * \param known a table keyed by name
 * \return its names, in the table's order
 */
template <typename Value>
std::vector<std::string>
NamesOf(const std::map<std::string, Value>& known)
{
    std::vector<std::string> names;
    for (const auto& entry : known)
    {
        names.push_back(entry.first);
    }
    return names;
}

} // namespace ns3

#endif /* DIVSHARE_NAME_LIST_H */
