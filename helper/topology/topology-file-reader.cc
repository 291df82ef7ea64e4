/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "topology-file-reader.h"

#include "../common/name-list.h"
#include "../common/topology-units.h"

#include "ns3/input-file.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

namespace ns3
{

namespace
{

/** The options of a host, hosts, endpoint or link line, checked and parsed. */
struct LinkOptions
{
    DataRate up;
    DataRate down;
    Time delay;
    std::optional<QueueSize> queue;
    double loss{0.0};
    Time jitter{0};
};

/** The options of a link line. */
const std::vector<std::string> kLinkKeys{"rate", "up", "down", "delay", "jitter", "queue", "loss"};

/**
 * Split key=value words, each key one of \p known and given once.
 * \param words the words after the positional ones
 * \param known the keys the line takes
 */
std::map<std::string, std::string>
SplitOptions(const std::vector<std::string>& words, const std::vector<std::string>& known)
{
    std::map<std::string, std::string> values;
    for (const auto& word : words)
    {
        const auto eq = word.find('=');
        if (eq == std::string::npos || eq == 0)
        {
            throw std::invalid_argument("expected key=value, got '" + word + "'");
        }
        const std::string key = word.substr(0, eq);
        if (std::find(known.begin(), known.end(), key) == known.end())
        {
            throw std::invalid_argument("unknown option '" + key + "'; known: " + JoinNames(known));
        }
        if (!values.emplace(key, word.substr(eq + 1)).second)
        {
            throw std::invalid_argument("option '" + key + "' given twice");
        }
    }
    return values;
}

/**
 * Parse a line's link options.
 * \param values its options (SplitOptions)
 * \param upMeaning what `up` means on this line, for messages
 */
LinkOptions
ParseLinkOptions(std::map<std::string, std::string> values, const std::string& upMeaning)
{
    LinkOptions options;
    for (const auto& [key, direction] : {std::pair<std::string, DataRate*>{"up", &options.up},
                                         std::pair<std::string, DataRate*>{"down", &options.down}})
    {
        auto it = values.count(key) ? values.find(key) : values.find("rate");
        if (it == values.end())
        {
            throw std::invalid_argument("missing rate: give rate=RATE (e.g. rate=60Mbps), or " +
                                        key + "=RATE for the " +
                                        (key == "up" ? upMeaning : "opposite") + " direction");
        }
        *direction = ParseRate(it->second);
    }
    if (values.count("delay") == 0)
    {
        throw std::invalid_argument("missing delay: give delay=DELAY (one-way, e.g. delay=1ms)");
    }
    options.delay = ParseDelay(values["delay"]);
    if (values.count("queue"))
    {
        options.queue = ParseQueueSize(values["queue"]);
    }
    if (values.count("loss"))
    {
        options.loss = ParseProbability(values["loss"]);
    }
    if (values.count("jitter"))
    {
        options.jitter = ParseDelay(values["jitter"]);
    }
    return options;
}

/** Checks a name's characters. */
void
CheckName(const std::string& name)
{
    for (char c : name)
    {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.')
        {
            throw std::invalid_argument("bad name '" + name +
                                        "': use letters, digits, '_', '-' and '.'");
        }
    }
}

/** Parse the COUNT of a hosts or stations line. */
unsigned long
ParseCount(const std::string& text, const std::string& what)
{
    std::size_t used = 0;
    unsigned long count = 0;
    try
    {
        count = std::stoul(text, &used);
    }
    catch (const std::exception&)
    {
        used = 0;
    }
    if (used == 0 || used != text.size() || count == 0 || count > 100000)
    {
        throw std::invalid_argument("bad COUNT '" + text + "': expected a whole number of " + what +
                                    ", 1..100000");
    }
    return count;
}

/** \return \p value if it is one of \p known, else throws naming them */
std::string
Choice(const std::string& key, const std::string& value, const std::vector<std::string>& known)
{
    if (std::find(known.begin(), known.end(), value) == known.end())
    {
        throw std::invalid_argument("bad " + key + " '" + value + "': expected one of " +
                                    JoinNames(known));
    }
    return value;
}

/** The file being read: the topology so far and the names in use. */
class Parser
{
  public:
    void Statement(const std::vector<std::string>& words);
    TopologyFile file;

  private:
    uint32_t Router(const std::string& name) const;
    void Declare(const std::string& name);
    void AddHost(std::vector<HostSpec>& list,
                 const std::string& name,
                 const std::string& router,
                 const LinkOptions& options);
    void AddLink(uint32_t a, uint32_t b, const LinkOptions& options);
    void AddCell(const std::vector<std::string>& words);
    uint32_t Cell(const std::string& name) const;
    void AddStation(const std::string& name, uint32_t cell, Vector offset, const WifiAccess& walk);
    std::set<std::string> m_names;
    std::set<std::string> m_hostNames; //!< hosts and endpoints: what traffic may name
};

uint32_t
Parser::Router(const std::string& name) const
{
    auto index = file.topology.FindRouter(name);
    if (!index && m_hostNames.count(name))
    {
        throw std::invalid_argument("'" + name +
                                    "' is a host or endpoint, not a router; links "
                                    "join routers, hosts attach to one with 'host'");
    }
    if (!index)
    {
        throw std::invalid_argument("unknown router '" + name + "': declare it with 'router " +
                                    name + "' on an earlier line");
    }
    return *index;
}

void
Parser::Declare(const std::string& name)
{
    CheckName(name);
    if (!m_names.insert(name).second)
    {
        throw std::invalid_argument("the name '" + name +
                                    "' is already used; names of routers, "
                                    "hosts and endpoints must be unique");
    }
}

void
Parser::AddHost(std::vector<HostSpec>& list,
                const std::string& name,
                const std::string& router,
                const LinkOptions& options)
{
    Declare(name);
    m_hostNames.insert(name);
    HostSpec host;
    host.name = name;
    host.router = Router(router);
    host.uplink = options.up;
    host.downlink = options.down;
    host.delay = options.delay;
    host.queue = options.queue;
    host.loss = options.loss;
    host.jitter = options.jitter;
    list.push_back(host);
}

void
Parser::AddLink(uint32_t a, uint32_t b, const LinkOptions& options)
{
    RouterLinkSpec link;
    link.a = a;
    link.b = b;
    link.rateAtoB = options.up;
    link.rateBtoA = options.down;
    link.delay = options.delay;
    link.queue = options.queue;
    link.loss = options.loss;
    link.jitter = options.jitter;
    file.topology.links.push_back(link);
}

void
Parser::AddCell(const std::vector<std::string>& words)
{
    static const std::vector<std::string> radio{"standard",
                                                "band",
                                                "channel",
                                                "width",
                                                "manager",
                                                "mode",
                                                "x",
                                                "y",
                                                "exponent",
                                                "rts"};
    std::vector<std::string> known = kLinkKeys;
    known.insert(known.end(), radio.begin(), radio.end());
    auto values = SplitOptions(std::vector<std::string>(words.begin() + 3, words.end()), known);
    WifiCellSpec cell;
    auto take = [&](const std::string& key) {
        auto it = values.find(key);
        std::optional<std::string> value;
        if (it != values.end())
        {
            value = it->second;
            values.erase(it);
        }
        return value;
    };
    cell.standard = Choice("standard", take("standard").value_or("ax"), {"ax", "ac", "n"});
    cell.band = Choice("band",
                       take("band").value_or(cell.standard == "n" ? "2.4GHz" : "5GHz"),
                       {"2.4GHz", "5GHz", "6GHz"});
    if (auto channel = take("channel"))
    {
        cell.channel = static_cast<uint16_t>(ParseNumber(*channel, 1, 233, "channel"));
        if (std::to_string(cell.channel) != *channel)
        {
            throw std::invalid_argument("bad channel '" + *channel +
                                        "': expected a whole channel number, e.g. 36");
        }
    }
    cell.width = static_cast<uint16_t>(
        std::stoi(Choice("width", take("width").value_or("20"), {"20", "40", "80", "160"})));
    cell.manager =
        Choice("manager", take("manager").value_or("ideal"), {"ideal", "minstrel-ht", "constant"});
    // The constant manager's mode: an MCS of the cell's standard, one spatial stream.
    const std::map<std::string, std::pair<std::string, int>> mcs{{"ax", {"HeMcs", 11}},
                                                                 {"ac", {"VhtMcs", 9}},
                                                                 {"n", {"HtMcs", 7}}};
    const auto& [prefix, highest] = mcs.at(cell.standard);
    const auto mode = take("mode");
    if (mode.has_value() != (cell.manager == "constant"))
    {
        throw std::invalid_argument(mode ? "mode is for manager=constant only"
                                         : "manager=constant needs mode=" + prefix + "0.." +
                                               prefix + std::to_string(highest));
    }
    if (mode)
    {
        const auto index = mode->compare(0, prefix.size(), prefix) == 0
                               ? mode->substr(prefix.size())
                               : std::string("x");
        // ns-3 knows the names only as written: HeMcs07 would end the program there.
        if (index.empty() || index.find_first_not_of("0123456789") != std::string::npos ||
            index.size() > 2 || (index.size() > 1 && index[0] == '0') || std::stoi(index) > highest)
        {
            throw std::invalid_argument("bad mode '" + *mode + "': 802.11" + cell.standard +
                                        " takes " + prefix + "0.." + prefix +
                                        std::to_string(highest));
        }
        cell.mode = *mode;
    }
    auto number = [&](const std::string& key, double fallback, double min, double max) {
        const auto text = take(key);
        return text ? ParseNumber(*text, min, max, key) : fallback;
    };
    const double apart = 1000.0 * file.topology.cells.size(); // far apart unless placed
    cell.position = Vector(number("x", apart, -1e5, 1e5), number("y", 0, -1e5, 1e5), 0);
    cell.exponent = number("exponent", 3.0, 1.5, 6);
    if (const auto rts = take("rts"))
    {
        cell.rtsThreshold = static_cast<uint32_t>(ParseNumber(*rts, 0, 65535, "rts"));
        if (std::to_string(*cell.rtsThreshold) != *rts)
        {
            throw std::invalid_argument("bad rts '" + *rts +
                                        "': expected a whole number of "
                                        "bytes, 0..65535");
        }
    }
    // The AP is a router whose wired link joins ROUTER; its Wi-Fi device is the cell's.
    const uint32_t router = Router(words[2]);
    Declare(words[1]);
    file.topology.routers.push_back(words[1]);
    cell.router = static_cast<uint32_t>(file.topology.routers.size() - 1);
    AddLink(cell.router, router, ParseLinkOptions(values, "AP -> ROUTER"));
    file.topology.cells.push_back(cell);
}

uint32_t
Parser::Cell(const std::string& name) const
{
    const auto router = file.topology.FindRouter(name);
    for (uint32_t i = 0; router && i < file.topology.cells.size(); ++i)
    {
        if (file.topology.cells[i].router == *router)
        {
            return i;
        }
    }
    throw std::invalid_argument("'" + name + "' is no Wi-Fi access point; declare it with 'wifi " +
                                name + " ROUTER rate=RATE delay=DELAY' on an earlier line");
}

void
Parser::AddStation(const std::string& name, uint32_t cell, Vector offset, const WifiAccess& walk)
{
    Declare(name);
    m_hostNames.insert(name);
    HostSpec host;
    host.name = name;
    host.router = file.topology.cells[cell].router;
    host.wifi = walk;
    host.wifi->offset = offset;
    file.topology.hosts.push_back(host);
}

void
Parser::Statement(const std::vector<std::string>& words)
{
    const std::string& keyword = words[0];
    auto need = [&](std::size_t n, const std::string& usage) {
        if (words.size() < n)
        {
            throw std::invalid_argument("too few words; usage: " + usage);
        }
    };
    auto rest = [&](std::size_t from) {
        return std::vector<std::string>(words.begin() + from, words.end());
    };
    if (keyword == "router")
    {
        if (words.size() != 2)
        {
            throw std::invalid_argument("usage: router NAME");
        }
        Declare(words[1]);
        file.topology.routers.push_back(words[1]);
    }
    else if (keyword == "host" || keyword == "endpoint")
    {
        need(3,
             keyword + " NAME ROUTER rate=RATE delay=DELAY [up=] [down=] [jitter=] [queue=] "
                       "[loss=]");
        auto& list = keyword == "host" ? file.topology.hosts : file.topology.endpoints;
        const auto options = ParseLinkOptions(SplitOptions(rest(3), kLinkKeys), "host -> router");
        AddHost(list, words[1], words[2], options);
    }
    else if (keyword == "hosts")
    {
        need(4, "hosts PREFIX COUNT ROUTER rate=RATE delay=DELAY [...]");
        const auto count = ParseCount(words[2], "hosts");
        const auto options = ParseLinkOptions(SplitOptions(rest(4), kLinkKeys), "host -> router");
        for (unsigned long i = 0; i < count; ++i)
        {
            AddHost(file.topology.hosts, words[1] + std::to_string(i), words[3], options);
        }
    }
    else if (keyword == "link")
    {
        need(3, "link A B rate=RATE delay=DELAY [up=] [down=] [jitter=] [queue=] [loss=]");
        const uint32_t a = Router(words[1]);
        const uint32_t b = Router(words[2]);
        if (a == b)
        {
            throw std::invalid_argument("link joins router '" + words[1] + "' to itself");
        }
        AddLink(a, b, ParseLinkOptions(SplitOptions(rest(3), kLinkKeys), "A -> B"));
    }
    else if (keyword == "wifi")
    {
        need(3,
             "wifi AP ROUTER rate=RATE delay=DELAY [standard=] [band=] [channel=] [width=] "
             "[manager=] [mode=] [x=] [y=] [exponent=] [rts=] [link options]");
        AddCell(words);
    }
    else if (keyword == "station" || keyword == "stations")
    {
        const bool one = keyword == "station";
        need(one ? 3 : 4,
             one ? "station NAME AP [x=M] [y=M] [speed=M/S] [mobility=walk|waypoint] "
                   "[bounds=M] [pause=S]"
                 : "stations PREFIX COUNT AP [radius=M] [speed=M/S] [mobility=walk|waypoint] "
                   "[bounds=M] [pause=S]");
        const uint32_t cell = Cell(words[one ? 2 : 3]);
        std::vector<std::string> known{"speed", "mobility", "bounds", "pause"};
        for (const char* key :
             one ? std::vector<const char*>{"x", "y"} : std::vector<const char*>{"radius"})
        {
            known.emplace_back(key);
        }
        auto values = SplitOptions(rest(one ? 3 : 4), known);
        auto number = [&](const std::string& key, double fallback, double min, double max) {
            return values.count(key) ? ParseNumber(values[key], min, max, key) : fallback;
        };
        WifiAccess walk{cell};
        walk.speed = number("speed", 0, 0, 100);
        walk.bounds = number("bounds", 50, 1, 1e5);
        walk.pause = number("pause", 0, 0, 1e6);
        walk.waypoints = Choice("mobility",
                                values.count("mobility") ? values["mobility"] : "walk",
                                {"walk", "waypoint"}) == "waypoint";
        for (const char* key : {"mobility", "bounds", "pause"})
        {
            if (values.count(key) && walk.speed == 0)
            {
                throw std::invalid_argument(std::string(key) +
                                            " is for a moving station: give speed=M/S too");
            }
        }
        if (values.count("pause") && !walk.waypoints)
        {
            throw std::invalid_argument("pause is for mobility=waypoint");
        }
        if (one)
        {
            AddStation(words[1],
                       cell,
                       Vector(number("x", 1, -1e5, 1e5), number("y", 0, -1e5, 1e5), 0),
                       walk);
        }
        else
        {
            const auto count = ParseCount(words[2], "stations");
            const double radius = number("radius", 5, 0, 1e5);
            for (unsigned long i = 0; i < count; ++i)
            {
                // Evenly on a circle around the AP: every station at the same distance.
                const double angle = 2 * M_PI * static_cast<double>(i) / count;
                AddStation(words[1] + std::to_string(i),
                           cell,
                           Vector(radius * std::cos(angle), radius * std::sin(angle), 0),
                           walk);
            }
        }
    }
    else if (keyword == "traffic")
    {
        auto flow = CrossTrafficFlow::Parse(rest(1));
        for (const auto* name : {&flow.from, &flow.to})
        {
            if (m_hostNames.count(*name) == 0)
            {
                throw std::invalid_argument("traffic names '" + *name +
                                            "', which is no host or endpoint declared on an "
                                            "earlier line");
            }
        }
        file.crossTraffic.push_back(flow);
    }
    else if (keyword == "event")
    {
        file.topology.events.push_back(NetworkEvent::Parse(rest(1)));
    }
    else
    {
        throw std::invalid_argument("unknown statement '" + keyword +
                                    "'; known: router, host, hosts, endpoint, link, wifi, "
                                    "station, stations, traffic, event");
    }
}

} // namespace

TopologyFile
TopologyFileReader::Read(const std::string& path)
{
    auto in = OpenInputFile(path, "topology file");
    return Parse(in, path);
}

TopologyFile
TopologyFileReader::Parse(std::istream& in, const std::string& name)
{
    Parser parser;
    std::string line;
    for (uint32_t number = 1; std::getline(in, line); ++number)
    {
        line = line.substr(0, line.find('#'));
        std::istringstream words(line);
        std::vector<std::string> list;
        for (std::string word; words >> word;)
        {
            list.push_back(word);
        }
        if (list.empty())
        {
            continue;
        }
        const std::string where = name + ":" + std::to_string(number);
        const auto events = parser.file.topology.events.size();
        const auto cells = parser.file.topology.cells.size();
        const auto hosts = parser.file.topology.hosts.size();
        try
        {
            parser.Statement(list);
        }
        catch (const std::invalid_argument& error)
        {
            throw std::invalid_argument(where + ": " + error.what());
        }
        if (parser.file.topology.events.size() > events)
        {
            parser.file.topology.events.back().origin = where;
        }
        if (parser.file.topology.cells.size() > cells)
        {
            parser.file.topology.cells.back().origin = where;
        }
        auto& added = parser.file.topology.hosts;
        for (auto host = added.begin() + hosts; host != added.end(); ++host)
        {
            if (host->wifi)
            {
                host->wifi->origin = where;
            }
        }
    }
    try
    {
        parser.file.topology.Validate();
    }
    catch (const std::invalid_argument& error)
    {
        throw std::invalid_argument(name + ": " + error.what());
    }
    return parser.file;
}

} // namespace ns3
