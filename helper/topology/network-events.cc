/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "network-events.h"

#include "../common/name-list.h"
#include "../common/topology-units.h"
#include "network-topology.h"

#include "ns3/input-file.h"
#include "ns3/random-source.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace ns3
{

namespace
{

const std::vector<std::pair<std::string, NetworkEvent::Action>> ACTIONS{
    {"join", NetworkEvent::JOIN},
    {"leave", NetworkEvent::LEAVE},
    {"crash", NetworkEvent::CRASH},
    {"disconnect", NetworkEvent::DISCONNECT},
    {"reconnect", NetworkEvent::RECONNECT},
    {"link-set", NetworkEvent::LINK_SET},
    {"link-down", NetworkEvent::LINK_DOWN},
    {"link-up", NetworkEvent::LINK_UP},
};

const char* const FORMS = "TIME join|leave|crash|disconnect|reconnect NODE, or TIME "
                          "link-set A B [rate=] [up=] [down=] [delay=] [jitter=] [loss=], or TIME "
                          "link-down|link-up A B";

} // namespace

std::string
NetworkEvent::ActionName(Action action)
{
    for (const auto& [name, value] : ACTIONS)
    {
        if (value == action)
        {
            return name;
        }
    }
    return "?";
}

bool
NetworkEvent::IsNodeEvent() const
{
    return action <= RECONNECT;
}

NetworkEvent
NetworkEvent::Parse(const std::vector<std::string>& words)
{
    if (words.size() < 3)
    {
        throw std::invalid_argument("an event is " + std::string(FORMS));
    }
    NetworkEvent event;
    event.at = ParseDelay(words[0]);
    auto action = std::find_if(ACTIONS.begin(), ACTIONS.end(), [&](const auto& entry) {
        return entry.first == words[1];
    });
    if (action == ACTIONS.end())
    {
        std::vector<std::string> names;
        for (const auto& entry : ACTIONS)
        {
            names.push_back(entry.first);
        }
        throw std::invalid_argument("unknown event '" + words[1] + "'; known: " + JoinNames(names));
    }
    event.action = action->second;
    if (event.IsNodeEvent())
    {
        if (words.size() != 3)
        {
            throw std::invalid_argument("'" + words[1] + "' takes one node: TIME " + words[1] +
                                        " NODE");
        }
        event.node = words[2];
        return event;
    }
    if (words.size() < 4 || (event.action != LINK_SET && words.size() != 4))
    {
        throw std::invalid_argument("'" + words[1] + "' names a link by its two ends: TIME " +
                                    words[1] + " A B" +
                                    (event.action == LINK_SET ? " key=value..." : ""));
    }
    event.a = words[2];
    event.b = words[3];
    if (event.action != LINK_SET)
    {
        return event;
    }
    if (words.size() == 4)
    {
        throw std::invalid_argument("link-set needs at least one of rate=, up=, down=, delay=, "
                                    "jitter=, loss=");
    }
    std::optional<DataRate> rate;
    for (std::size_t i = 4; i < words.size(); ++i)
    {
        const auto eq = words[i].find('=');
        const std::string key = words[i].substr(0, eq);
        const std::string value = eq == std::string::npos ? "" : words[i].substr(eq + 1);
        if (eq == std::string::npos || value.empty())
        {
            throw std::invalid_argument("'" + words[i] + "' is not key=value");
        }
        if (key == "rate")
        {
            rate = ParseRate(value);
        }
        else if (key == "up")
        {
            event.up = ParseRate(value);
        }
        else if (key == "down")
        {
            event.down = ParseRate(value);
        }
        else if (key == "delay")
        {
            event.delay = ParseDelay(value);
        }
        else if (key == "jitter")
        {
            event.jitter = ParseDelay(value);
        }
        else if (key == "loss")
        {
            event.loss = ParseProbability(value);
        }
        else
        {
            throw std::invalid_argument("unknown link-set key '" + key +
                                        "'; known: rate, up, down, delay, jitter, loss");
        }
    }
    if (rate)
    {
        event.up = event.up.value_or(*rate);
        event.down = event.down.value_or(*rate);
    }
    for (const auto* direction : {&event.up, &event.down})
    {
        if (*direction && direction->value().GetBitRate() == 0)
        {
            throw std::invalid_argument("a link rate must be above 0 (take the link down with "
                                        "link-down instead)");
        }
    }
    return event;
}

std::vector<NetworkEvent>
NetworkEvent::ParseList(const std::string& text, const std::string& name)
{
    std::vector<NetworkEvent> events;
    std::string item;
    std::istringstream list(text);
    for (uint32_t k = 1; std::getline(list, item, ';'); ++k)
    {
        std::replace(item.begin(), item.end(), '\n', ' ');
        std::istringstream in(item);
        std::vector<std::string> words;
        for (std::string word; in >> word;)
        {
            words.push_back(word);
        }
        if (words.empty())
        {
            continue;
        }
        const std::string origin = name + " item " + std::to_string(k);
        try
        {
            events.push_back(Parse(words));
        }
        catch (const std::invalid_argument& error)
        {
            throw std::invalid_argument(origin + " ('" + item + "'): " + error.what());
        }
        events.back().origin = origin;
    }
    return events;
}

std::vector<NetworkEvent>
NetworkEvent::ReadFile(const std::string& path)
{
    auto in = OpenInputFile(path, "events file");
    std::vector<NetworkEvent> events;
    std::string line;
    for (uint32_t number = 1; std::getline(in, line); ++number)
    {
        std::istringstream words(line.substr(0, line.find('#')));
        std::vector<std::string> list;
        for (std::string word; words >> word;)
        {
            list.push_back(word);
        }
        if (!list.empty() && list.front() == "event")
        {
            list.erase(list.begin());
        }
        if (list.empty())
        {
            continue;
        }
        const std::string where = path + ":" + std::to_string(number);
        try
        {
            events.push_back(Parse(list));
        }
        catch (const std::invalid_argument& error)
        {
            throw std::invalid_argument(where + ": " + error.what());
        }
        events.back().origin = where;
    }
    return events;
}

std::vector<NetworkEvent>
NetworkEvent::MakeChurn(uint32_t nodes,
                        double rate,
                        Time downtime,
                        Time end,
                        uint64_t seed,
                        const std::string& origin)
{
    std::vector<NetworkEvent> events;
    for (uint32_t node = 0; node < nodes; ++node)
    {
        // One stream per node: adding nodes does not change the others' churn.
        RandomSource random(seed * 0x9E3779B97F4A7C15ULL + node);
        auto exponential = [&random](double mean) {
            const double u = static_cast<double>(random.Next() >> 11) * 0x1.0p-53;
            return -std::log1p(-u) * mean;
        };
        NetworkEvent event;
        event.node = std::to_string(node);
        event.origin = origin;
        double t = exponential(1.0 / rate);
        while (Seconds(t) < end)
        {
            event.at = Seconds(t);
            event.action = DISCONNECT;
            events.push_back(event);
            t += exponential(downtime.GetSeconds());
            if (Seconds(t) >= end)
            {
                break;
            }
            event.at = Seconds(t);
            event.action = RECONNECT;
            events.push_back(event);
            t += exponential(1.0 / rate);
        }
    }
    return events;
}

ResolvedNetworkEvents
ResolveNetworkEvents(std::vector<NetworkEvent> events, const NetworkTopology& topology, Time end)
{
    std::stable_sort(events.begin(), events.end(), [](const auto& x, const auto& y) {
        return x.at < y.at;
    });

    enum State
    {
        ABSENT,
        PRESENT,
        DISCONNECTED,
        GONE
    };

    std::map<uint32_t, State> nodes; // nodes with events; absent ones start with a join
    std::map<uint32_t, bool> down;   // links with events
    for (auto& event : events)
    {
        const std::string what = NetworkEvent::ActionName(event.action);
        auto seconds = [](Time t) {
            std::ostringstream text;
            text << t.GetSeconds() << " s";
            return text.str();
        };
        auto fail = [&](const std::string& problem) {
            throw std::invalid_argument(event.origin + ": " + what + " at " + seconds(event.at) +
                                        ": " + problem);
        };
        if (event.at.IsStrictlyNegative())
        {
            fail("a negative time; events happen from 0 s on");
        }
        if (event.IsNodeEvent())
        {
            try
            {
                event.host = topology.HostIndex(event.node);
            }
            catch (const std::invalid_argument& error)
            {
                fail(error.what());
            }
            auto state =
                nodes.emplace(event.host, event.action == NetworkEvent::JOIN ? ABSENT : PRESENT)
                    .first;
            const State now = state->second;
            const std::string node = "node " + std::to_string(event.host) + " ('" +
                                     topology.hosts[event.host].name + "')";
            if (now == GONE)
            {
                fail(node + " left or crashed before; a node does not come back after that "
                            "(use disconnect and reconnect for one that returns)");
            }
            switch (event.action)
            {
            case NetworkEvent::JOIN:
                if (now != ABSENT)
                {
                    fail(node + " is in the network already: a join must be its first event "
                                "(it is then absent until it joins)");
                }
                state->second = PRESENT;
                break;
            case NetworkEvent::RECONNECT:
                if (now != DISCONNECTED)
                {
                    fail(node + " is not disconnected: a reconnect follows a disconnect");
                }
                state->second = PRESENT;
                break;
            case NetworkEvent::DISCONNECT:
                if (now != PRESENT)
                {
                    fail(node + " is disconnected already");
                }
                state->second = DISCONNECTED;
                break;
            default: // leave, crash
                state->second = GONE;
            }
            continue;
        }
        const auto hosts = topology.hosts.size();
        const auto endpoints = topology.endpoints.size();
        auto ends = [&](std::size_t i) -> std::pair<std::string, std::string> {
            if (i < hosts)
            {
                return {topology.hosts[i].name, topology.routers[topology.hosts[i].router]};
            }
            if (i < hosts + endpoints)
            {
                const auto& endpoint = topology.endpoints[i - hosts];
                return {endpoint.name, topology.routers[endpoint.router]};
            }
            const auto& link = topology.links[i - hosts - endpoints];
            return {topology.routers[link.a], topology.routers[link.b]};
        };
        const std::size_t count = hosts + endpoints + topology.links.size();
        std::size_t i = 0;
        for (; i < count; ++i)
        {
            const auto [a, b] = ends(i);
            if ((a == event.a && b == event.b) || (a == event.b && b == event.a))
            {
                event.reversed = a != event.a;
                break;
            }
        }
        if (i == count)
        {
            fail("no link joins '" + event.a + "' and '" + event.b +
                 "' (a host and its router, or two linked routers)");
        }
        if (i < hosts && topology.hosts[i].wifi)
        {
            fail("'" + topology.hosts[i].name +
                 "' is a Wi-Fi station: its radio link has no rate, delay or state to set "
                 "(disconnect and reconnect the node instead, or let it walk out of range)");
        }
        event.link = static_cast<uint32_t>(i);
        bool& isDown = down[event.link];
        if (event.action == NetworkEvent::LINK_DOWN && isDown)
        {
            fail("the link is down already");
        }
        if (event.action == NetworkEvent::LINK_UP && !isDown)
        {
            fail("the link is not down: a link-up follows a link-down");
        }
        if (event.action != NetworkEvent::LINK_SET)
        {
            isDown = event.action == NetworkEvent::LINK_DOWN;
        }
    }
    ResolvedNetworkEvents resolved;
    auto first = std::lower_bound(events.begin(), events.end(), end, [](const auto& e, Time t) {
        return e.at < t;
    });
    resolved.notReached.assign(first, events.end());
    events.erase(first, events.end());
    resolved.inRun = std::move(events);
    return resolved;
}

std::string
DescribeNotReached(const std::vector<NetworkEvent>& notReached)
{
    if (notReached.empty())
    {
        return "";
    }
    const auto& first = notReached.front();
    std::ostringstream text;
    text << notReached.size() << " network event" << (notReached.size() > 1 ? "s come" : " comes")
         << " at or after the run's end and will not be reached (first: "
         << NetworkEvent::ActionName(first.action) << " at " << first.at.GetSeconds() << " s, "
         << first.origin << "); lengthen the run to reach them";
    return text.str();
}

} // namespace ns3
