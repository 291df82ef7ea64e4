/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "network-topology.h"

#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>

namespace ns3
{

namespace
{

/** A host on router 0 with a symmetric access link. */
HostSpec
MakeHost(const std::string& name, DataRate rate, Time delay)
{
    HostSpec host;
    host.name = name;
    host.router = 0;
    host.uplink = rate;
    host.downlink = rate;
    host.delay = delay;
    return host;
}

/** \throws std::invalid_argument unless loss is a probability */
void
CheckLoss(double loss, const std::string& what)
{
    if (!(loss >= 0 && loss <= 1))
    {
        throw std::invalid_argument("topology: " + what + " has loss " + std::to_string(loss) +
                                    ", outside [0, 1]");
    }
}

/** \throws std::invalid_argument unless a link's jitter and its other direction are usable */
template <typename Spec>
void
CheckShape(const Spec& spec, const std::string& what)
{
    if (spec.jitter.IsStrictlyNegative())
    {
        throw std::invalid_argument("topology: " + what + " has a negative jitter");
    }
    if (spec.back)
    {
        if (spec.back->delay.IsStrictlyNegative() || spec.back->jitter.IsStrictlyNegative())
        {
            throw std::invalid_argument("topology: " + what +
                                        " has a negative delay or jitter back");
        }
        CheckLoss(spec.back->loss, what + " (back)");
    }
}

} // namespace

std::optional<uint32_t>
NetworkTopology::FindRouter(const std::string& name) const
{
    for (uint32_t i = 0; i < routers.size(); ++i)
    {
        if (routers[i] == name)
        {
            return i;
        }
    }
    return std::nullopt;
}

uint32_t
NetworkTopology::HostIndex(const std::string& name) const
{
    for (uint32_t i = 0; i < hosts.size(); ++i)
    {
        if (hosts[i].name == name)
        {
            return i;
        }
    }
    if (!name.empty() && name.find_first_not_of("0123456789") == std::string::npos &&
        name.size() < 10 && std::stoul(name) < hosts.size())
    {
        return static_cast<uint32_t>(std::stoul(name));
    }
    throw std::invalid_argument("'" + name + "' is no learning node (a name such as '" +
                                hosts.front().name + "', or an index 0.." +
                                std::to_string(hosts.size() - 1) + ")");
}

NetworkTopology
NetworkTopology::Star(uint32_t nodes,
                      DataRate rate,
                      Time delay,
                      const std::vector<StragglerClass>& stragglers)
{
    uint32_t slow = 0;
    for (const auto& c : stragglers)
    {
        slow += c.count;
    }
    if (slow > nodes)
    {
        throw std::invalid_argument("star topology: " + std::to_string(slow) +
                                    " stragglers but only " + std::to_string(nodes) +
                                    " nodes; lower the straggler count");
    }
    NetworkTopology topology;
    topology.routers.emplace_back("switch");
    for (uint32_t i = 0; i < nodes - slow; ++i)
    {
        topology.hosts.push_back(MakeHost("node" + std::to_string(i), rate, delay));
    }
    for (const auto& c : stragglers)
    {
        for (uint32_t i = 0; i < c.count; ++i)
        {
            const auto index = static_cast<uint32_t>(topology.hosts.size());
            topology.hosts.push_back(MakeHost("node" + std::to_string(index), c.rate, delay));
        }
    }
    topology.Validate();
    return topology;
}

void
NetworkTopology::Validate() const
{
    if (hosts.size() < 2)
    {
        throw std::invalid_argument("topology: needs at least 2 learning nodes, has " +
                                    std::to_string(hosts.size()));
    }
    std::set<std::string> names(routers.begin(), routers.end());
    if (names.size() != routers.size())
    {
        throw std::invalid_argument("topology: two routers have the same name");
    }
    for (const auto* list : {&hosts, &endpoints})
    {
        for (const auto& host : *list)
        {
            if (!names.insert(host.name).second)
            {
                throw std::invalid_argument("topology: the name " + host.name +
                                            " is used twice; names of routers, hosts and "
                                            "endpoints must be unique");
            }
            if (host.router >= routers.size())
            {
                throw std::invalid_argument("topology: host " + host.name +
                                            " is attached to unknown router " +
                                            std::to_string(host.router));
            }
            if (host.wifi)
            {
                if (list == &endpoints || host.wifi->cell >= cells.size() ||
                    cells[host.wifi->cell].router != host.router)
                {
                    throw std::invalid_argument("topology: " + host.name +
                                                " is a Wi-Fi station of no cell of its router "
                                                "(only learning nodes can be stations)");
                }
                if (!(host.wifi->speed >= 0) || !(host.wifi->bounds >= 0))
                {
                    throw std::invalid_argument("topology: station " + host.name +
                                                " has a negative speed or bounds");
                }
                continue; // a radio link: no rates, delay or loss of its own
            }
            if (host.uplink.GetBitRate() == 0 || host.downlink.GetBitRate() == 0)
            {
                throw std::invalid_argument("topology: host " + host.name + " has a zero rate");
            }
            if (host.delay.IsStrictlyNegative())
            {
                throw std::invalid_argument("topology: host " + host.name +
                                            " has a negative delay");
            }
            CheckLoss(host.loss, "host " + host.name);
            CheckShape(host, "host " + host.name);
        }
    }
    std::set<uint32_t> accessPoints;
    for (const auto& cell : cells)
    {
        if (cell.router >= routers.size() || !accessPoints.insert(cell.router).second)
        {
            throw std::invalid_argument("topology: a Wi-Fi cell's access point is an unknown "
                                        "router, or the AP of another cell");
        }
    }
    for (const auto& link : links)
    {
        if (link.a >= routers.size() || link.b >= routers.size() || link.a == link.b)
        {
            throw std::invalid_argument("topology: a router link joins unknown or identical "
                                        "routers " +
                                        std::to_string(link.a) + " and " + std::to_string(link.b));
        }
        if (link.rateAtoB.GetBitRate() == 0 || link.rateBtoA.GetBitRate() == 0 ||
            link.delay.IsStrictlyNegative())
        {
            throw std::invalid_argument("topology: link " + routers[link.a] + " - " +
                                        routers[link.b] + " has a zero rate or negative delay");
        }
        CheckLoss(link.loss, "link " + routers[link.a] + " - " + routers[link.b]);
        CheckShape(link, "link " + routers[link.a] + " - " + routers[link.b]);
    }
}

std::vector<std::vector<uint32_t>>
NetworkTopology::Islands() const
{
    // Routers joined by links, as union-find.
    std::vector<uint32_t> part(routers.size());
    std::iota(part.begin(), part.end(), 0U);
    const std::function<uint32_t(uint32_t)> root = [&](uint32_t r) {
        return part[r] == r ? r : part[r] = root(part[r]);
    };
    for (const auto& link : links)
    {
        part[root(link.a)] = root(link.b);
    }
    std::vector<std::vector<uint32_t>> islands;
    std::map<uint32_t, std::size_t> islandOf; // by root router
    for (uint32_t i = 0; i < hosts.size(); ++i)
    {
        auto [it, fresh] = islandOf.emplace(root(hosts[i].router), islands.size());
        if (fresh)
        {
            islands.emplace_back();
        }
        islands[it->second].push_back(i);
    }
    for (const auto& endpoint : endpoints)
    {
        if (islandOf.count(root(endpoint.router)) == 0)
        {
            throw std::invalid_argument("topology: endpoint " + endpoint.name + " (at router " +
                                        routers[endpoint.router] +
                                        ") reaches no learning node: link its router to theirs");
        }
    }
    return islands;
}

void
NetworkTopology::CheckConnected(const std::string& allowKey) const
{
    const auto islands = Islands();
    if (islands.size() > 1)
    {
        const auto& a = hosts[islands[0].front()];
        const auto& b = hosts[islands[1].front()];
        throw std::invalid_argument(
            "topology: " + b.name + " (at router " + routers[b.router] + ") cannot reach " +
            a.name + " (at router " + routers[a.router] + "): the network is " +
            std::to_string(islands.size()) +
            " islands that no chain of router links joins; link them, remove the unreachable "
            "nodes, or set " +
            allowKey + " = true to let each island learn apart");
    }
}

} // namespace ns3
