/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "cross-traffic-flow.h"

#include "../common/topology-units.h"

#include <sstream>
#include <stdexcept>

namespace ns3
{

namespace
{

uint64_t
ParseCount(const std::string& key, const std::string& value)
{
    std::size_t used = 0;
    unsigned long long n = 0;
    try
    {
        n = std::stoull(value, &used);
    }
    catch (const std::exception&)
    {
        used = 0;
    }
    if (used == 0 || used != value.size() || value[0] == '-')
    {
        throw std::invalid_argument("bad " + key + " '" + value + "': expected a whole number");
    }
    return n;
}

} // namespace

CrossTrafficFlow
CrossTrafficFlow::Parse(const std::vector<std::string>& words)
{
    if (words.size() < 3)
    {
        throw std::invalid_argument("cross traffic needs a kind (bulk or onoff), a source and a "
                                    "destination");
    }
    CrossTrafficFlow flow;
    if (words[0] == "bulk")
    {
        flow.kind = BULK;
    }
    else if (words[0] == "onoff")
    {
        flow.kind = ONOFF;
    }
    else
    {
        throw std::invalid_argument("unknown cross traffic kind '" + words[0] +
                                    "'; known: bulk, onoff");
    }
    flow.from = words[1];
    flow.to = words[2];
    bool hasRate = false;
    for (std::size_t i = 3; i < words.size(); ++i)
    {
        const auto eq = words[i].find('=');
        if (eq == std::string::npos)
        {
            throw std::invalid_argument("expected key=value, got '" + words[i] + "'");
        }
        const std::string key = words[i].substr(0, eq);
        const std::string value = words[i].substr(eq + 1);
        const bool onoffKey = key == "rate" || key == "on" || key == "off" || key == "size";
        if (onoffKey && flow.kind != ONOFF)
        {
            throw std::invalid_argument("'" + key + "' applies to onoff traffic only");
        }
        if (key == "maxBytes" && flow.kind != BULK)
        {
            throw std::invalid_argument("'maxBytes' applies to bulk traffic only");
        }
        if (key == "start")
        {
            flow.start = ParseDelay(value);
        }
        else if (key == "stop")
        {
            flow.stop = ParseDelay(value);
        }
        else if (key == "maxBytes")
        {
            flow.maxBytes = ParseCount(key, value);
        }
        else if (key == "rate")
        {
            flow.rate = ParseRate(value);
            hasRate = true;
        }
        else if (key == "on")
        {
            flow.onTime = ParseDelay(value);
        }
        else if (key == "off")
        {
            flow.offTime = ParseDelay(value);
        }
        else if (key == "size")
        {
            const auto size = ParseCount(key, value);
            if (size < 1 || size > 65000)
            {
                throw std::invalid_argument("bad size '" + value + "': expected 1..65000 bytes");
            }
            flow.packetSize = static_cast<uint32_t>(size);
        }
        else
        {
            throw std::invalid_argument("unknown key '" + key + "'; known: start, stop, " +
                                        (flow.kind == BULK ? "maxBytes" : "rate, on, off, size"));
        }
    }
    if (flow.kind == ONOFF && !hasRate)
    {
        throw std::invalid_argument("onoff traffic needs rate= (e.g. rate=20Mbps)");
    }
    if (flow.stop && *flow.stop <= flow.start)
    {
        throw std::invalid_argument("stop must come after start");
    }
    if (flow.kind == ONOFF && flow.onTime.IsZero())
    {
        throw std::invalid_argument("on= must be positive");
    }
    return flow;
}

CrossTrafficFlow
CrossTrafficFlow::Parse(const std::string& text)
{
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string word; in >> word;)
    {
        words.push_back(word);
    }
    return Parse(words);
}

} // namespace ns3
