/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "kollaps-reader.h"

#include "../common/name-list.h"
#include "../common/topology-units.h"

#include "ns3/input-file.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <iostream>
#include <iterator>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>

namespace ns3
{

namespace
{

/** One XML element: its name, attributes and line. */
struct Element
{
    std::string name;
    std::map<std::string, std::string> attributes;
    uint32_t line;
    std::string parent; //!< the enclosing element's name
};

/** An error at a line of the file. */
std::invalid_argument
ErrorAt(const std::string& file, uint32_t line, const std::string& problem)
{
    return std::invalid_argument(file + ":" + std::to_string(line) + ": " + problem);
}

/** Frees what libxml2 allocated. */
struct XmlFree
{
    void operator()(xmlParserCtxt* context) const
    {
        xmlFreeParserCtxt(context);
    }

    void operator()(xmlDoc* document) const
    {
        xmlFreeDoc(document);
    }

    void operator()(xmlChar* text) const
    {
        xmlFree(text);
    }
};

/** The elements of the subtree at node, in document order. */
void
CollectElements(const xmlNode* node, std::vector<Element>& elements, const std::string& parent = "")
{
    for (; node; node = node->next)
    {
        if (node->type != XML_ELEMENT_NODE)
        {
            continue;
        }
        Element element;
        element.name = reinterpret_cast<const char*>(node->name);
        element.line = static_cast<uint32_t>(xmlGetLineNo(node));
        element.parent = parent;
        for (const xmlAttr* attribute = node->properties; attribute; attribute = attribute->next)
        {
            std::unique_ptr<xmlChar, XmlFree> value(
                xmlNodeListGetString(node->doc, attribute->children, 1));
            element.attributes[reinterpret_cast<const char*>(attribute->name)] =
                value ? reinterpret_cast<const char*>(value.get()) : "";
        }
        const std::string name = element.name;
        elements.push_back(std::move(element));
        CollectElements(node->children, elements, name);
    }
}

/** The first error libxml2 reports while parsing: the one that says what is wrong. */
struct FirstXmlError
{
    bool seen{false};
    uint32_t line{0};
    std::string message;
};

void
KeepFirstXmlError(void* data, xmlErrorPtr error)
{
    auto* first = static_cast<FirstXmlError*>(data);
    if (first->seen || !error || error->level < XML_ERR_ERROR)
    {
        return; // warnings do not make a file unusable
    }
    first->seen = true;
    first->line = static_cast<uint32_t>(std::max(1, error->line));
    first->message = error->message ? error->message : "not well-formed XML";
    while (!first->message.empty() &&
           std::isspace(static_cast<unsigned char>(first->message.back())))
    {
        first->message.pop_back();
    }
}

/**
 * The elements of an XML document, in document order, read by libxml2; a document that is
 * not well-formed XML is refused with libxml2's first message and its line.
 */
std::vector<Element>
ReadElements(const std::string& text, const std::string& file)
{
    std::unique_ptr<xmlParserCtxt, XmlFree> context(xmlNewParserCtxt());
    if (!context)
    {
        throw std::runtime_error(file + ": cannot start the XML parser");
    }
    // Errors come to us instead of standard error; no network access; lines past 65535.
    FirstXmlError first;
    xmlSetStructuredErrorFunc(&first, &KeepFirstXmlError);
    std::unique_ptr<xmlDoc, XmlFree> document(
        xmlCtxtReadMemory(context.get(),
                          text.data(),
                          static_cast<int>(text.size()),
                          file.c_str(),
                          nullptr,
                          XML_PARSE_NONET | XML_PARSE_BIG_LINES));
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    if (!document || first.seen)
    {
        throw ErrorAt(file,
                      first.seen ? first.line : 1,
                      first.seen ? first.message : "not well-formed XML");
    }
    std::vector<Element> elements;
    CollectElements(xmlDocGetRootElement(document.get()), elements);
    return elements;
}

/** A service of the file and how it is connected. */
struct Service
{
    std::string name;
    uint32_t replicas{1};
    bool reuse{true};   //!< reuse="true", or absent (Kollaps' default)
    bool shared{false}; //!< share="true": its replicas share its link
    uint32_t line{0};
    std::vector<std::size_t> bridgeLinks;  //!< indices into the links
    std::vector<std::size_t> serviceLinks; //!< indices into the links
};

/** One direction of a link of the file. */
struct Direction
{
    DataRate rate;
    Time latency;
    Time jitter;
    double drop{0.0};
};

/**
 * The two directions between two nodes: one <link> with download= (both directions alike
 * but for the rate), or two <link>s, origin -> dest and dest -> origin. Kollaps' links are
 * directed: without download= a <link> carries nothing back.
 */
struct Link
{
    std::string origin;
    std::string dest;
    std::optional<Direction> forward;  //!< origin -> dest
    std::optional<Direction> backward; //!< dest -> origin
    uint32_t line{0};                  //!< the first <link>'s
};

/** The value of an attribute, or "" */
std::string
Get(const Element* e, const std::string& key)
{
    auto it = e->attributes.find(key);
    return it == e->attributes.end() ? std::string() : it->second;
}

/** A schedule's time= in seconds (absent: 0, as Kollaps' emulation core reads it). */
Time
ScheduleTime(const Element* e)
{
    return e->attributes.count("time") ? ParseSeconds(Get(e, "time")) : Seconds(0);
}

/** A schedule's amount= (absent: 1, as in Kollaps). */
uint32_t
ScheduleAmount(const Element* e)
{
    const std::string text = Get(e, "amount");
    if (!e->attributes.count("amount"))
    {
        return 1;
    }
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos ||
        text.size() > 6 || std::stoul(text) == 0)
    {
        throw std::invalid_argument("amount=\"" + text +
                                    "\" is not a whole number from 1 to "
                                    "999999 (Kollaps: an integer >= 1)");
    }
    return static_cast<uint32_t>(std::stoul(text));
}

/** "T s" */
std::string
SecondsText(Time t)
{
    std::ostringstream text;
    text << t.GetSeconds() << " s";
    return text.str();
}

/**
 * Kollaps' replica count of each service with a join in <dynamic>
 * (XMLGraphParser.calulate_required_replicas; its replicas= is then ignored): its node
 * schedules in time order, with its checks (a negative count, more disconnected than joined
 * and connected, more reconnected than disconnected). Kollaps runs max(joined at once)
 * containers, or the sum of all joins with reuse="false"; a join that reuses a container
 * whose replica left restarts its application from scratch: a new learning node here. So a
 * service gets one node per joined replica, the sum of its joins, and a note says when that
 * is more than Kollaps' containers.
 */
void
CountReplicas(const std::vector<const Element*>& schedules,
              std::vector<Service>& services,
              const std::map<std::string, std::size_t>& serviceIndex,
              const std::string& file)
{
    struct Move
    {
        Time at;
        uint32_t amount;
        std::string action;
        uint32_t line;
    };

    std::map<std::size_t, std::vector<Move>> moves;
    for (const auto* e : schedules)
    {
        auto it = serviceIndex.find(Get(e, "name"));
        if (it != serviceIndex.end() && !Get(e, "action").empty())
        {
            try
            {
                moves[it->second].push_back(
                    {ScheduleTime(e), ScheduleAmount(e), Get(e, "action"), e->line});
            }
            catch (const std::invalid_argument& error)
            {
                throw ErrorAt(file, e->line, error.what());
            }
        }
    }
    for (auto& [index, list] : moves)
    {
        Service& service = services[index];
        if (std::none_of(list.begin(), list.end(), [](const Move& m) {
                return m.action == "join";
            }))
        {
            continue; // replicas= stands, present from the start
        }
        std::stable_sort(list.begin(), list.end(), [](const Move& x, const Move& y) {
            return x.at < y.at;
        });
        int64_t joined = 0;
        int64_t disconnected = 0;
        int64_t most = 0;
        int64_t sum = 0;
        for (const auto& m : list)
        {
            auto fail = [&](const std::string& problem) {
                throw ErrorAt(file,
                              m.line,
                              "the dynamic section for " + service.name + " " + problem + " at " +
                                  SecondsText(m.at) + " (schedules in time order)");
            };
            if (m.action == "join")
            {
                joined += m.amount;
                sum += m.amount;
            }
            else if (m.action == "leave" || m.action == "crash")
            {
                joined -= m.amount;
                disconnected = std::min(disconnected, std::max<int64_t>(joined, 0));
            }
            else if (m.action == "disconnect")
            {
                if (m.amount > joined - disconnected)
                {
                    fail("disconnects more replicas than are joined and connected");
                }
                disconnected += m.amount;
            }
            else if (m.action == "reconnect")
            {
                if (m.amount > disconnected)
                {
                    fail("reconnects more replicas than are disconnected");
                }
                disconnected -= m.amount;
            }
            if (joined < 0)
            {
                fail("causes a negative number of replicas");
            }
            most = std::max(most, joined);
        }
        const int64_t containers = service.reuse ? most : sum;
        if (sum > 100000)
        {
            throw ErrorAt(file,
                          service.line,
                          "service " + service.name + " joins " + std::to_string(sum) +
                              " replicas; at most 100000");
        }
        service.replicas = static_cast<uint32_t>(sum);
        if (sum > containers)
        {
            std::cerr << "note: " << file << ":" << service.line << ": service " << service.name
                      << " reuses containers (reuse=\"true\"): Kollaps runs " << containers
                      << ", whose applications restart from scratch on a new "
                      << "join; here each of its " << sum << " joined replicas is a learning "
                      << "node of its own" << std::endl;
        }
    }
}

/**
 * The <dynamic> schedules as events, in time order (errors and origins name the line).
 *
 * A service schedule (name= action= [amount=K, default 1] [time=]) acts on K of its
 * replicas, the lowest-numbered that can (Kollaps draws them with a fixed seed; replicas
 * are alike but for their data): join takes replicas that never joined (a service with a
 * join starts absent), leave and crash joined ones, disconnect connected ones, reconnect
 * disconnected ones. Kollaps 2 kills a replica's processes for both leave and crash while
 * its network stays up, so peers see their connections end: both are a leave here.
 * A bridge schedule (name=BRIDGE action=leave|join) takes down or brings back every link of
 * the bridge. A link schedule (origin= dest=) changes the link from origin to dest: upload=
 * its rate; latency=, jitter=, drop= that direction's shape (and the other's too with
 * download=, its rate); action="leave" or "join" takes the link down or back up (both
 * directions: TCP needs both). A supervisor's schedules are skipped, as its links are.
 */
std::vector<NetworkEvent>
Schedules(const std::vector<const Element*>& schedules,
          const std::vector<Service>& services,
          const std::map<std::string, std::size_t>& serviceIndex,
          const std::map<std::string, bool>& supervisors,
          const NetworkTopology& topology)
{
    std::vector<std::pair<Time, const Element*>> timed;
    std::set<std::size_t> joining; // services whose replicas start absent
    for (const auto* e : schedules)
    {
        try
        {
            timed.emplace_back(ScheduleTime(e), e);
        }
        catch (const std::invalid_argument& error)
        {
            throw std::invalid_argument(std::to_string(e->line) + ": " + error.what() +
                                        " (Kollaps: time must be a positive number)");
        }
        auto service = serviceIndex.find(Get(e, "name"));
        if (service != serviceIndex.end() && Get(e, "action") == "join")
        {
            joining.insert(service->second);
        }
    }
    std::stable_sort(timed.begin(), timed.end(), [](const auto& x, const auto& y) {
        return x.first < y.first;
    });

    enum State
    {
        ABSENT,
        PRESENT,
        DISCONNECTED,
        GONE
    };

    // The links of a bridge, or between two nodes of the file: router links, or each
    // replica's access link to its bridge; as (from, to) in the order the schedule names them.
    auto linksBetween = [&](const std::string& origin, const std::string& dest) {
        std::vector<std::pair<std::string, std::string>> ends;
        if (topology.FindRouter(origin) && topology.FindRouter(dest))
        {
            for (const auto& link : topology.links)
            {
                const auto& a = topology.routers[link.a];
                const auto& b = topology.routers[link.b];
                if ((a == origin && b == dest) || (a == dest && b == origin))
                {
                    ends.emplace_back(origin, dest);
                }
            }
            return ends;
        }
        for (const auto& [service, bridge, serviceFirst] :
             {std::make_tuple(origin, dest, true), std::make_tuple(dest, origin, false)})
        {
            auto it = serviceIndex.find(service);
            if (it == serviceIndex.end() || !topology.FindRouter(bridge) ||
                topology.FindRouter(service))
            {
                continue;
            }
            for (uint32_t r = 0; r < services[it->second].replicas; ++r)
            {
                const std::string host = service + "-" + std::to_string(r);
                ends.emplace_back(serviceFirst ? host : bridge, serviceFirst ? bridge : host);
            }
        }
        return ends;
    };
    auto bridgeLinks = [&](const std::string& bridge) {
        std::vector<std::pair<std::string, std::string>> ends;
        const uint32_t index = *topology.FindRouter(bridge);
        for (const auto* list : {&topology.hosts, &topology.endpoints})
        {
            for (const auto& host : *list)
            {
                if (host.router == index)
                {
                    ends.emplace_back(host.name, bridge);
                }
            }
        }
        for (const auto& link : topology.links)
        {
            if (link.a == index || link.b == index)
            {
                ends.emplace_back(topology.routers[link.a], topology.routers[link.b]);
            }
        }
        return ends;
    };

    std::map<std::size_t, std::vector<State>> replicas;
    std::set<std::pair<std::string, std::string>> down; // links down, by sorted ends
    std::vector<NetworkEvent> events;
    for (const auto& [at, schedule] : timed)
    {
        const Element* e = schedule; // a plain variable: lambdas capture it (C++17)
        const std::string where = std::to_string(e->line);
        auto fail = [&](const std::string& problem) {
            throw std::invalid_argument(where + ": " + problem);
        };
        const std::string name = Get(e, "name");
        const std::string origin = Get(e, "origin");
        const std::string dest = Get(e, "dest");
        const std::string action = Get(e, "action");
        const bool changes = !Get(e, "upload").empty() || !Get(e, "download").empty() ||
                             !Get(e, "latency").empty() || !Get(e, "jitter").empty() ||
                             !Get(e, "drop").empty();
        if (supervisors.count(name) || supervisors.count(origin) || supervisors.count(dest))
        {
            continue;
        }
        NetworkEvent event;
        event.at = at;
        event.origin = where;
        auto toggle = [&](const std::vector<std::pair<std::string, std::string>>& ends) {
            for (const auto& [a, b] : ends)
            {
                const auto key = std::minmax(a, b);
                const bool isDown = down.count(key) > 0;
                if (action == "leave" && isDown)
                {
                    fail("the link " + a + " - " + b + " is down already");
                }
                if (action == "join" && !isDown)
                {
                    fail("the link " + a + " - " + b +
                         " is up: a join brings back a link that left (adding links during "
                         "a run is not modelled: declare it in <links> and let it leave at 0)");
                }
                action == "leave" ? (void)down.insert(key) : (void)down.erase(key);
                event.a = a;
                event.b = b;
                events.push_back(event);
            }
        };
        if (!name.empty())
        {
            if (!origin.empty() || !dest.empty() || changes)
            {
                fail("a schedule is for a service or bridge (name= action=) or for a link "
                     "(origin= dest=), not both");
            }
            if (topology.FindRouter(name) && serviceIndex.count(name) == 0)
            {
                if (action != "leave" && action != "join")
                {
                    fail("action=\"" + action + "\" for bridge " + name +
                         "; a bridge's are: leave, join");
                }
                event.action = action == "leave" ? NetworkEvent::LINK_DOWN : NetworkEvent::LINK_UP;
                toggle(bridgeLinks(name));
                continue;
            }
            auto it = serviceIndex.find(name);
            if (it == serviceIndex.end())
            {
                fail("schedule names '" + name + "', which is no service or bridge");
            }
            const std::map<std::string, std::pair<NetworkEvent::Action, std::set<State>>> moves{
                {"join", {NetworkEvent::JOIN, {ABSENT}}},
                {"leave", {NetworkEvent::LEAVE, {PRESENT, DISCONNECTED}}},
                {"crash", {NetworkEvent::LEAVE, {PRESENT, DISCONNECTED}}},
                {"disconnect", {NetworkEvent::DISCONNECT, {PRESENT}}},
                {"reconnect", {NetworkEvent::RECONNECT, {DISCONNECTED}}},
            };
            auto move = moves.find(action);
            if (move == moves.end())
            {
                fail("action=\"" + action +
                     "\" for a service; Kollaps' are: join, leave, crash, disconnect, reconnect");
            }
            const Service& service = services[it->second];
            auto& states = replicas
                               .try_emplace(it->second,
                                            service.replicas,
                                            joining.count(it->second) ? ABSENT : PRESENT)
                               .first->second;
            uint32_t amount = 0;
            try
            {
                amount = ScheduleAmount(e);
            }
            catch (const std::invalid_argument& error)
            {
                fail(error.what());
            }
            event.action = move->second.first;
            uint32_t done = 0;
            for (uint32_t r = 0; r < service.replicas && done < amount; ++r)
            {
                if (move->second.second.count(states[r]))
                {
                    states[r] = event.action == NetworkEvent::DISCONNECT ? DISCONNECTED
                                : event.action == NetworkEvent::JOIN ||
                                        event.action == NetworkEvent::RECONNECT
                                    ? PRESENT
                                    : GONE;
                    event.node = service.name + "-" + std::to_string(r);
                    events.push_back(event);
                    ++done;
                }
            }
            if (done < amount)
            {
                fail(std::to_string(amount) + " replicas of " + name + " to " + action + " at " +
                     SecondsText(at) + ", but only " + std::to_string(done) +
                     " can (see the schedules before it)");
            }
            continue;
        }
        if (origin.empty() || dest.empty())
        {
            fail("<schedule> needs name= (a service or bridge) or origin= and dest= (a link)");
        }
        const auto ends = linksBetween(origin, dest);
        if (ends.empty())
        {
            fail("no link joins " + origin + " and " + dest +
                 " (adding links during a run is not modelled: declare it in <links> and let "
                 "it leave at 0)");
        }
        if (!action.empty())
        {
            if (changes || (action != "leave" && action != "join"))
            {
                fail("a link schedule has action=\"leave\" or \"join\" (the link goes down or "
                     "up), or new upload/download/latency/jitter/drop, not both");
            }
            event.action = action == "leave" ? NetworkEvent::LINK_DOWN : NetworkEvent::LINK_UP;
            toggle(ends);
            continue;
        }
        if (!changes)
        {
            fail("a link schedule changes upload, download, latency, jitter or drop, or has "
                 "action=\"leave\" or \"join\"");
        }
        try
        {
            event.action = NetworkEvent::LINK_SET;
            if (!Get(e, "upload").empty())
            {
                event.up = ParseRate(Get(e, "upload"));
            }
            if (!Get(e, "download").empty())
            {
                event.down = ParseRate(Get(e, "download"));
            }
            if (!Get(e, "latency").empty())
            {
                event.delay = ParseDelay(Get(e, "latency") + "ms");
            }
            if (!Get(e, "jitter").empty())
            {
                event.jitter = ParseDelay(Get(e, "jitter") + "ms");
            }
            if (!Get(e, "drop").empty())
            {
                event.loss = ParseProbability(Get(e, "drop"));
            }
            // Kollaps changes origin -> dest; with download=, dest -> origin alike.
            event.oneWay = !event.down;
        }
        catch (const std::invalid_argument& error)
        {
            fail(error.what());
        }
        for (const auto& [a, b] : ends)
        {
            event.a = a;
            event.b = b;
            events.push_back(event);
        }
    }
    return events;
}

/**
 * Kollaps' elements, the attributes each may have, and its parent. Container and
 * deployment details (image, command, port, network, activepaths, the bare-metal ones)
 * need no model; <config>'s children (any tag) are checked apart.
 */
const std::map<std::string, std::pair<std::string, std::set<std::string>>> VOCABULARY{
    {"experiment", {"", {"boot"}}},
    {"services", {"experiment", {}}},
    {"service",
     {"services",
      {"name",
       "image",
       "command",
       "replicas",
       "reuse",
       "supervisor",
       "port",
       "share",
       "activepaths",
       "ip",
       "machinename",
       "kollaps_folder",
       "topology_file",
       "script",
       "controller_ip",
       "controllername"}}},
    {"bridges", {"experiment", {}}},
    {"bridge", {"bridges", {"name", "tags"}}},
    {"links", {"experiment", {}}},
    {"link",
     {"links", {"origin", "dest", "latency", "upload", "download", "jitter", "drop", "network"}}},
    {"dynamic", {"experiment", {}}},
    {"schedule",
     {"dynamic",
      {"name",
       "time",
       "action",
       "amount",
       "origin",
       "dest",
       "upload",
       "download",
       "latency",
       "jitter",
       "drop",
       "network"}}},
    {"config", {"experiment", {}}},
};

/**
 * Refuse an element, attribute or place Kollaps does not define (a typo would be ignored),
 * and settings of <config> that are not modelled.
 */
void
CheckVocabulary(const Element& e)
{
    if (e.parent == "config")
    {
        // Kollaps reads these from every child of <config>, whatever its tag.
        for (const auto& [attribute, value] : e.attributes)
        {
            if (attribute == "shortest_path")
            {
                if (value != "hop")
                {
                    throw std::invalid_argument(
                        "shortest_path=\"" + value +
                        "\" is not modelled: ns-3's global routing takes the paths of fewest "
                        "hops (Kollaps' default, shortest_path=\"hop\")");
                }
            }
            else if (attribute != "pool_period" && attribute != "max_age")
            {
                throw std::invalid_argument("<config> has no attribute '" + attribute +
                                            "'; Kollaps' are: max_age, pool_period, "
                                            "shortest_path");
            }
        }
        return;
    }
    auto known = VOCABULARY.find(e.name);
    std::vector<std::string> names;
    if (known == VOCABULARY.end())
    {
        for (const auto& [name, rule] : VOCABULARY)
        {
            names.push_back("<" + name + ">");
        }
        throw std::invalid_argument("unknown element <" + e.name +
                                    ">; Kollaps' are: " + JoinNames(names));
    }
    if (e.parent != known->second.first)
    {
        throw std::invalid_argument(
            "<" + e.name + "> belongs " +
            (known->second.first.empty() ? std::string("at the root")
                                         : "inside <" + known->second.first + ">") +
            ", not " +
            (e.parent.empty() ? std::string("at the root") : "inside <" + e.parent + ">"));
    }
    for (const auto& [attribute, value] : e.attributes)
    {
        if (e.name == "schedule" && attribute == "loss")
        {
            throw std::invalid_argument("<schedule> has no attribute 'loss' (Kollaps ignores "
                                        "it): a link's packet loss is drop=");
        }
        if (known->second.second.count(attribute) == 0)
        {
            names.assign(known->second.second.begin(), known->second.second.end());
            throw std::invalid_argument("<" + e.name + "> has no attribute '" + attribute +
                                        "'; Kollaps' are: " + JoinNames(names));
        }
    }
}

/** The one-way shape of a direction, and of the other where it differs. */
std::pair<LinkDirection, std::optional<LinkDirection>>
Shapes(const Direction& there, const Direction& back)
{
    const LinkDirection a{there.latency, there.jitter, there.drop};
    const LinkDirection b{back.latency, back.jitter, back.drop};
    const bool same = a.delay == b.delay && a.jitter == b.jitter && a.loss == b.loss;
    return {a, same ? std::nullopt : std::optional<LinkDirection>(b)};
}

} // namespace

NetworkTopology
KollapsReader::Read(const std::string& path, const KollapsOptions& options)
{
    auto in = OpenInputFile(path, "Kollaps file");
    return Parse(in, path, options);
}

NetworkTopology
KollapsReader::Parse(std::istream& in, const std::string& file, const KollapsOptions& options)
{
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto elements = ReadElements(text, file);
    if (elements.empty() || elements.front().name != "experiment")
    {
        throw ErrorAt(file,
                      elements.empty() ? 1 : elements.front().line,
                      "not a Kollaps file: the root element must be <experiment>");
    }

    std::vector<Service> services;
    std::map<std::string, std::size_t> serviceIndex;
    std::vector<std::string> bridges;
    std::map<std::string, uint32_t> declared; //!< every name, with its line
    std::map<std::string, bool> supervisors;
    std::vector<Link> links;
    std::map<std::pair<std::string, std::string>, std::size_t> linkIndex; //!< by sorted ends
    std::map<std::string, uint32_t> blocks;                               //!< <services>, ...
    auto attribute = [&](const Element& e, const std::string& key) {
        auto it = e.attributes.find(key);
        if (it == e.attributes.end() || it->second.empty())
        {
            throw ErrorAt(file, e.line, "<" + e.name + "> misses attribute " + key);
        }
        return it->second;
    };
    auto declare = [&](const Element& e, const std::string& name) {
        auto [it, fresh] = declared.emplace(name, e.line);
        if (!fresh)
        {
            throw ErrorAt(file,
                          e.line,
                          "the name " + name + " was already declared on line " +
                              std::to_string(it->second));
        }
    };

    std::vector<const Element*> schedules;
    for (const auto& e : elements)
    {
        try
        {
            CheckVocabulary(e);
            if (e.name == "experiment")
            {
                attribute(e, "boot"); // Kollaps requires the bootstrapper image
            }
            else if (e.name == "services" || e.name == "bridges" || e.name == "links" ||
                     e.name == "dynamic" || e.name == "config")
            {
                auto [it, fresh] = blocks.emplace(e.name, e.line);
                if (!fresh && e.name != "config") // Kollaps reads the first <config> only
                {
                    throw std::invalid_argument("only one <" + e.name +
                                                "> block is allowed (the first is on line " +
                                                std::to_string(it->second) + ")");
                }
            }
            else if (e.name == "schedule")
            {
                schedules.push_back(&e);
            }
            else if (e.name == "service")
            {
                const std::string name = attribute(e, "name");
                declare(e, name);
                if (e.attributes.count("supervisor"))
                {
                    supervisors[name] = true; // Kollaps: present, whatever its value
                    continue;
                }
                Service service;
                service.name = name;
                service.line = e.line;
                service.reuse = !e.attributes.count("reuse") || e.attributes.at("reuse") == "true";
                service.shared = e.attributes.count("share") && e.attributes.at("share") == "true";
                auto replicas = e.attributes.find("replicas");
                if (replicas != e.attributes.end())
                {
                    std::size_t used = 0;
                    unsigned long n = 0;
                    try
                    {
                        n = std::stoul(replicas->second, &used);
                    }
                    catch (const std::exception&)
                    {
                        used = 0;
                    }
                    if (used == 0 || used != replicas->second.size() || n == 0 || n > 100000)
                    {
                        throw std::invalid_argument("bad replicas=\"" + replicas->second +
                                                    "\" of service " + name +
                                                    ": expected a whole number, 1..100000");
                    }
                    service.replicas = static_cast<uint32_t>(n);
                }
                serviceIndex[name] = services.size();
                services.push_back(service);
            }
            else if (e.name == "bridge")
            {
                const std::string name = attribute(e, "name");
                declare(e, name);
                bridges.push_back(name);
            }
            else if (e.name == "link")
            {
                const std::string origin = attribute(e, "origin");
                const std::string dest = attribute(e, "dest");
                for (const auto* end : {&origin, &dest})
                {
                    if (declared.count(*end) == 0)
                    {
                        throw std::invalid_argument("link names unknown node '" + *end +
                                                    "': no service or bridge of that name is "
                                                    "declared before it");
                    }
                }
                if (supervisors.count(origin) || supervisors.count(dest))
                {
                    continue;
                }
                if (origin == dest)
                {
                    throw std::invalid_argument("link joins " + origin + " to itself");
                }
                Direction there;
                there.rate = ParseRate(attribute(e, "upload"));
                there.latency = ParseDelay(attribute(e, "latency") + "ms");
                if (e.attributes.count("jitter"))
                {
                    there.jitter = ParseDelay(e.attributes.at("jitter") + "ms");
                }
                if (e.attributes.count("drop"))
                {
                    there.drop = ParseProbability(e.attributes.at("drop"));
                }
                auto [it, fresh] = linkIndex.emplace(std::minmax(origin, dest), links.size());
                if (fresh)
                {
                    links.push_back({origin, dest, std::nullopt, std::nullopt, e.line});
                    for (const auto& end : {origin, dest})
                    {
                        auto s = serviceIndex.find(end);
                        if (s != serviceIndex.end())
                        {
                            const bool toService =
                                serviceIndex.count(end == origin ? dest : origin);
                            auto& service = services[s->second];
                            (toService ? service.serviceLinks : service.bridgeLinks)
                                .push_back(it->second);
                        }
                    }
                }
                Link& link = links[it->second];
                const bool along = link.origin == origin;
                auto& slot = along ? link.forward : link.backward;
                auto& other = along ? link.backward : link.forward;
                auto taken = [&](const std::string& from, const std::string& to) {
                    return std::invalid_argument(
                        "a second link from " + from + " to " + to + " (the first is on line " +
                        std::to_string(link.line) + "); declare each direction once");
                };
                if (slot)
                {
                    throw taken(origin, dest);
                }
                slot = there;
                if (e.attributes.count("download"))
                {
                    if (other)
                    {
                        throw taken(dest, origin);
                    }
                    // The way back: its own rate, the same latency, jitter and drop.
                    other = there;
                    other->rate = ParseRate(e.attributes.at("download"));
                }
            }
        }
        catch (const std::invalid_argument& error)
        {
            const std::string what = error.what();
            // Messages from attribute() and declare() already carry file:line.
            throw what.rfind(file + ":", 0) == 0 ? error : ErrorAt(file, e.line, what);
        }
    }
    for (const char* required : {"services", "links"})
    {
        if (blocks.count(required) == 0)
        {
            throw ErrorAt(file,
                          elements.front().line,
                          std::string("no <") + required + "> block (Kollaps requires one)");
        }
    }
    for (const auto& link : links)
    {
        if (!link.forward || !link.backward)
        {
            const auto& from = link.forward ? link.origin : link.dest;
            const auto& to = link.forward ? link.dest : link.origin;
            throw ErrorAt(file,
                          link.line,
                          "the link from " + from + " to " + to +
                              " is one-way (Kollaps sends nothing back over a link without "
                              "download=), which TCP cannot use: add download= or a link from " +
                              to + " to " + from);
        }
    }
    CountReplicas(schedules, services, serviceIndex, file);

    NetworkTopology topology;
    topology.routers = bridges;
    // A service with one link, to a bridge, gives its replicas that access link. Any other
    // service (several links, or links to services: regions, general graphs; or shared: its
    // replicas share its link, through a bridge of their own as in Kollaps) becomes a router
    // of its own: its replicas attach to it and its links become router links.
    auto routed = [](const Service& service) {
        return service.shared || !service.serviceLinks.empty() || service.bridgeLinks.size() > 1;
    };
    for (const auto& service : services)
    {
        if (service.bridgeLinks.empty() && service.serviceLinks.empty())
        {
            throw ErrorAt(file, service.line, "service " + service.name + " has no link");
        }
        if (service.shared && service.bridgeLinks.size() + service.serviceLinks.size() > 1)
        {
            throw ErrorAt(file,
                          service.line,
                          "service " + service.name +
                              " has share=\"true\" and several links (Kollaps gives each its "
                              "own hidden bridge): not modelled; give it one link");
        }
        if (routed(service))
        {
            topology.routers.push_back(service.name);
        }
    }
    for (auto& service : services)
    {
        for (uint32_t r = 0; r < service.replicas; ++r)
        {
            HostSpec host;
            host.name = service.name + "-" + std::to_string(r);
            const auto& link = links[service.bridgeLinks.empty() ? service.serviceLinks.front()
                                                                 : service.bridgeLinks.front()];
            const bool outward = link.origin == service.name;
            const auto& up = outward ? *link.forward : *link.backward;
            const auto& down = outward ? *link.backward : *link.forward;
            if (service.shared)
            {
                // Kollaps' hidden bridge: the link's rates, no delay; the link beyond is shared.
                host.router = *topology.FindRouter(service.name);
                host.uplink = up.rate;
                host.downlink = down.rate;
                host.delay = Seconds(0);
            }
            else if (routed(service))
            {
                host.router = *topology.FindRouter(service.name);
                host.uplink = options.intraRegionRate;
                host.downlink = options.intraRegionRate;
                host.delay = options.intraRegionDelay;
            }
            else
            {
                host.router = *topology.FindRouter(outward ? link.dest : link.origin);
                host.uplink = up.rate;
                host.downlink = down.rate;
                const auto [there, back] = Shapes(up, down);
                host.delay = there.delay;
                host.jitter = there.jitter;
                host.loss = there.loss;
                host.back = back;
            }
            topology.hosts.push_back(host);
        }
    }
    for (const auto& link : links)
    {
        auto a = topology.FindRouter(link.origin);
        auto b = topology.FindRouter(link.dest);
        if (a && b)
        {
            RouterLinkSpec spec;
            spec.a = *a;
            spec.b = *b;
            spec.rateAtoB = link.forward->rate;
            spec.rateBtoA = link.backward->rate;
            const auto [there, back] = Shapes(*link.forward, *link.backward);
            spec.delay = there.delay;
            spec.jitter = there.jitter;
            spec.loss = there.loss;
            spec.back = back;
            topology.links.push_back(spec);
        }
    }
    try
    {
        topology.events = Schedules(schedules, services, serviceIndex, supervisors, topology);
        for (auto& event : topology.events)
        {
            event.origin = file + ":" + event.origin;
        }
    }
    catch (const std::invalid_argument& error)
    {
        throw std::invalid_argument(file + ":" + error.what());
    }
    try
    {
        topology.Validate();
    }
    catch (const std::invalid_argument& error)
    {
        throw std::invalid_argument(file + ": " + error.what());
    }
    return topology;
}

} // namespace ns3
