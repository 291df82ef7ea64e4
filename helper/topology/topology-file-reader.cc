/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "topology-file-reader.h"

#include "../common/topology-units.h"

#include "ns3/input-file.h"

#include <cctype>
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

/**
 * Parse key=value words into link options.
 * \param words the words after the positional ones
 * \param upMeaning what `up` means on this line, for messages
 */
LinkOptions
ParseLinkOptions(const std::vector<std::string>& words, const std::string& upMeaning)
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
        static const std::set<std::string>
            known{"rate", "up", "down", "delay", "jitter", "queue", "loss"};
        if (known.count(key) == 0)
        {
            throw std::invalid_argument("unknown option '" + key +
                                        "'; known: rate, up, down, delay, jitter, queue, loss");
        }
        if (!values.emplace(key, word.substr(eq + 1)).second)
        {
            throw std::invalid_argument("option '" + key + "' given twice");
        }
    }
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
        const auto options = ParseLinkOptions(rest(3), "host -> router");
        AddHost(list, words[1], words[2], options);
    }
    else if (keyword == "hosts")
    {
        need(4, "hosts PREFIX COUNT ROUTER rate=RATE delay=DELAY [...]");
        std::size_t used = 0;
        unsigned long count = 0;
        try
        {
            count = std::stoul(words[2], &used);
        }
        catch (const std::exception&)
        {
            used = 0;
        }
        if (used == 0 || used != words[2].size() || count == 0 || count > 100000)
        {
            throw std::invalid_argument("bad COUNT '" + words[2] +
                                        "': expected a whole number of hosts, 1..100000");
        }
        const auto options = ParseLinkOptions(rest(4), "host -> router");
        for (unsigned long i = 0; i < count; ++i)
        {
            AddHost(file.topology.hosts, words[1] + std::to_string(i), words[3], options);
        }
    }
    else if (keyword == "link")
    {
        need(3, "link A B rate=RATE delay=DELAY [up=] [down=] [jitter=] [queue=] [loss=]");
        RouterLinkSpec link;
        link.a = Router(words[1]);
        link.b = Router(words[2]);
        if (link.a == link.b)
        {
            throw std::invalid_argument("link joins router '" + words[1] + "' to itself");
        }
        const auto options = ParseLinkOptions(rest(3), "A -> B");
        link.rateAtoB = options.up;
        link.rateBtoA = options.down;
        link.delay = options.delay;
        link.queue = options.queue;
        link.loss = options.loss;
        link.jitter = options.jitter;
        file.topology.links.push_back(link);
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
                                    "'; known: router, host, hosts, endpoint, link, traffic, "
                                    "event");
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
