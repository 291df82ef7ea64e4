/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "kollaps-reader.h"

#include "name-list.h"
#include "topology-units.h"

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
CollectElements(const xmlNode* node, std::vector<Element>& elements)
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
        for (const xmlAttr* attribute = node->properties; attribute; attribute = attribute->next)
        {
            std::unique_ptr<xmlChar, XmlFree> value(
                xmlNodeListGetString(node->doc, attribute->children, 1));
            element.attributes[reinterpret_cast<const char*>(attribute->name)] =
                value ? reinterpret_cast<const char*>(value.get()) : "";
        }
        elements.push_back(std::move(element));
        CollectElements(node->children, elements);
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
    uint32_t line{0};
    uint32_t firstHost{0};                 //!< index of replica 0 among the hosts
    std::vector<std::size_t> bridgeLinks;  //!< indices into the links
    std::vector<std::size_t> serviceLinks; //!< indices into the links
};

/** A link of the file, its rates resolved. */
struct Link
{
    std::string origin;
    std::string dest;
    DataRate upload;   //!< origin -> dest
    DataRate download; //!< dest -> origin
    Time latency;
    double drop{0.0};
    uint32_t line{0};
};

/**
 * The <dynamic> schedules as events, in time order (errors and origins name the line).
 * A node schedule (name= action=join|leave|crash|disconnect|reconnect [amount=K]) acts on K
 * of the service's replicas (without amount=, on all that can), the lowest-numbered that can:
 * a join takes
 * absent ones (a service with joins starts absent, and its joins must bring in every
 * replica), a reconnect disconnected ones, the others present ones. A link schedule
 * (origin= dest=, with upload= download= latency= drop=, or action=leave|join) changes, or
 * takes down or up, every link between the two: a router link, or each replica's access
 * link to a bridge. A supervisor's schedules are skipped, as its links are.
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
        auto get = [e](const std::string& key) {
            auto it = e->attributes.find(key);
            return it == e->attributes.end() ? std::string() : it->second;
        };
        try
        {
            timed.emplace_back(ParseSeconds(get("time")), e);
        }
        catch (const std::invalid_argument& error)
        {
            throw std::invalid_argument(std::to_string(e->line) + ": " + error.what());
        }
        auto service = serviceIndex.find(get("name"));
        if (service != serviceIndex.end() && get("action") == "join")
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

    std::map<std::size_t, std::vector<State>> replicas;
    std::vector<NetworkEvent> events;
    for (const auto& [at, schedule] : timed)
    {
        const Element* e = schedule; // a plain variable: lambdas capture it (C++17)
        const std::string where = std::to_string(e->line);
        auto fail = [&](const std::string& problem) {
            throw std::invalid_argument(where + ": " + problem);
        };
        auto get = [e](const std::string& key) {
            auto it = e->attributes.find(key);
            return it == e->attributes.end() ? std::string() : it->second;
        };
        const std::string name = get("name");
        const std::string origin = get("origin");
        const std::string dest = get("dest");
        const std::string action = get("action");
        const bool changes = !get("upload").empty() || !get("download").empty() ||
                             !get("latency").empty() || !get("drop").empty();
        if (supervisors.count(name) || supervisors.count(origin) || supervisors.count(dest))
        {
            continue;
        }
        NetworkEvent event;
        event.at = at;
        event.origin = where;
        if (!name.empty())
        {
            if (!origin.empty() || !dest.empty() || changes)
            {
                fail("a schedule is for a service (name= action=) or for a link (origin= "
                     "dest=), not both");
            }
            auto it = serviceIndex.find(name);
            if (it == serviceIndex.end())
            {
                fail("schedule names '" + name + "', which is no service" +
                     (topology.FindRouter(name) ? " (a bridge: schedule its links instead)" : ""));
            }
            const std::map<std::string, std::pair<NetworkEvent::Action, std::set<State>>> moves{
                {"join", {NetworkEvent::JOIN, {ABSENT}}},
                {"leave", {NetworkEvent::LEAVE, {PRESENT, DISCONNECTED}}},
                {"crash", {NetworkEvent::CRASH, {PRESENT, DISCONNECTED}}},
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
            // Without amount=, every replica that can (at least one).
            uint32_t amount = service.replicas;
            const bool all = get("amount").empty();
            if (!all)
            {
                const std::string text = get("amount");
                if (text.find_first_not_of("0123456789") != std::string::npos || text.size() > 9 ||
                    std::stoul(text) == 0)
                {
                    fail("amount=\"" + text + "\" is not a whole number above 0");
                }
                amount = static_cast<uint32_t>(std::stoul(text));
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
            if (done < amount && !(all && done > 0))
            {
                fail(std::to_string(amount) + " replicas of " + name + " to " + action + " at " +
                     get("time") + " s, but only " + std::to_string(done) +
                     " can (see the schedules before it)");
            }
            continue;
        }
        if (origin.empty() || dest.empty())
        {
            fail("<schedule> needs name= (a service) or origin= and dest= (a link)");
        }
        // The links between origin and dest: a router link, or each replica's access link.
        std::vector<std::pair<std::string, std::string>> ends;
        if (topology.FindRouter(origin) && topology.FindRouter(dest))
        {
            ends.emplace_back(origin, dest);
        }
        else
        {
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
        }
        if (ends.empty())
        {
            fail("no link joins " + origin + " and " + dest);
        }
        if (!action.empty())
        {
            if (changes || (action != "leave" && action != "join"))
            {
                fail("a link schedule has action=\"leave\" or \"join\" (the link goes down or "
                     "up), or new upload/download/latency/drop, not both");
            }
            event.action = action == "leave" ? NetworkEvent::LINK_DOWN : NetworkEvent::LINK_UP;
        }
        else
        {
            if (!changes)
            {
                fail("a link schedule changes upload, download, latency or drop, or has "
                     "action=\"leave\" or \"join\"");
            }
            try
            {
                event.action = NetworkEvent::LINK_SET;
                if (!get("upload").empty())
                {
                    event.up = ParseRate(get("upload"));
                    event.down = event.up; // as for a static link: download defaults to upload
                }
                if (!get("download").empty())
                {
                    event.down = ParseRate(get("download"));
                }
                if (!get("latency").empty())
                {
                    event.delay = ParseDelay(get("latency") + "ms");
                }
                if (!get("drop").empty())
                {
                    event.loss = ParseProbability(get("drop"));
                }
            }
            catch (const std::invalid_argument& error)
            {
                fail(error.what());
            }
        }
        for (const auto& [a, b] : ends)
        {
            event.a = a;
            event.b = b;
            events.push_back(event);
        }
    }
    for (const auto& [index, states] : replicas)
    {
        if (std::count(states.begin(), states.end(), ABSENT) > 0)
        {
            throw std::invalid_argument(
                std::to_string(services[index].line) + ": service " + services[index].name +
                " has " + std::to_string(states.size()) + " replicas, but its joins bring in " +
                std::to_string(states.size() - std::count(states.begin(), states.end(), ABSENT)) +
                ": add joins or lower replicas");
        }
    }
    return events;
}

/**
 * Kollaps' elements and the attributes each may have. Container details (image, command,
 * port, share, network) need no model; jitter is named in a warning.
 */
const std::map<std::string, std::set<std::string>> VOCABULARY{
    {"experiment", {"boot"}},
    {"services", {}},
    {"service", {"name", "image", "command", "replicas", "supervisor", "port", "share"}},
    {"bridges", {}},
    {"bridge", {"name"}},
    {"links", {}},
    {"link", {"origin", "dest", "latency", "upload", "download", "jitter", "drop", "network"}},
    {"dynamic", {}},
    {"schedule",
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
      "drop"}},
};

/** Refuse an element or attribute Kollaps does not define (a typo would be ignored). */
void
CheckVocabulary(const Element& e)
{
    auto known = VOCABULARY.find(e.name);
    std::vector<std::string> names;
    if (known == VOCABULARY.end())
    {
        for (const auto& [name, attributes] : VOCABULARY)
        {
            names.push_back("<" + name + ">");
        }
        throw std::invalid_argument("unknown element <" + e.name +
                                    ">; Kollaps' are: " + JoinNames(names));
    }
    for (const auto& [attribute, value] : e.attributes)
    {
        if (known->second.count(attribute) == 0)
        {
            names.assign(known->second.begin(), known->second.end());
            throw std::invalid_argument("<" + e.name + "> has no attribute '" + attribute +
                                        "'; Kollaps' are: " + JoinNames(names));
        }
    }
    if (e.attributes.count("jitter"))
    {
        std::cerr << "warning: line " << e.line << ": jitter is not modelled (ignored)"
                  << std::endl;
    }
}

} // namespace

NetworkTopology
KollapsReader::Read(const std::string& path, const KollapsOptions& options)
{
    std::ifstream in(path);
    if (!in)
    {
        throw std::runtime_error("cannot read Kollaps file " + path);
    }
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
            if (e.name == "schedule")
            {
                schedules.push_back(&e);
            }
            else if (e.name == "service")
            {
                const std::string name = attribute(e, "name");
                declare(e, name);
                auto supervisor = e.attributes.find("supervisor");
                if (supervisor != e.attributes.end() && supervisor->second == "true")
                {
                    supervisors[name] = true;
                    continue;
                }
                Service service;
                service.name = name;
                service.line = e.line;
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
                Link link;
                link.line = e.line;
                link.origin = attribute(e, "origin");
                link.dest = attribute(e, "dest");
                for (const auto* end : {&link.origin, &link.dest})
                {
                    if (declared.count(*end) == 0)
                    {
                        throw std::invalid_argument("link names unknown node '" + *end +
                                                    "': no service or bridge of that name is "
                                                    "declared before it");
                    }
                }
                if (supervisors.count(link.origin) || supervisors.count(link.dest))
                {
                    continue;
                }
                if (link.origin == link.dest)
                {
                    throw std::invalid_argument("link joins " + link.origin + " to itself");
                }
                link.upload = ParseRate(attribute(e, "upload"));
                auto download = e.attributes.find("download");
                link.download =
                    download == e.attributes.end() ? link.upload : ParseRate(download->second);
                const std::string latency = attribute(e, "latency");
                link.latency = ParseDelay(latency + "ms");
                auto drop = e.attributes.find("drop");
                if (drop != e.attributes.end())
                {
                    link.drop = ParseProbability(drop->second);
                }
                const bool originService = serviceIndex.count(link.origin) > 0;
                const bool destService = serviceIndex.count(link.dest) > 0;
                for (const auto& [end, other] :
                     {std::pair<std::string, bool>{link.origin, destService},
                      std::pair<std::string, bool>{link.dest, originService}})
                {
                    auto it = serviceIndex.find(end);
                    if (it != serviceIndex.end())
                    {
                        auto& service = services[it->second];
                        (other ? service.serviceLinks : service.bridgeLinks)
                            .push_back(links.size());
                    }
                }
                links.push_back(link);
            }
        }
        catch (const std::invalid_argument& error)
        {
            const std::string what = error.what();
            // Messages from attribute() and declare() already carry file:line.
            throw what.rfind(file + ":", 0) == 0 ? error : ErrorAt(file, e.line, what);
        }
    }

    NetworkTopology topology;
    topology.routers = bridges;
    // A service with one link, to a bridge, gives its replicas that access link. Any other
    // service (several links, or links to services: regions, general graphs) becomes a
    // router of its own: its replicas attach to it at the intra-region rate and delay, and
    // its links become router links.
    auto routed = [](const Service& service) {
        return !service.serviceLinks.empty() || service.bridgeLinks.size() > 1;
    };
    for (const auto& service : services)
    {
        if (service.bridgeLinks.empty() && service.serviceLinks.empty())
        {
            throw ErrorAt(file, service.line, "service " + service.name + " has no link");
        }
        if (routed(service))
        {
            topology.routers.push_back(service.name);
        }
    }
    for (auto& service : services)
    {
        service.firstHost = static_cast<uint32_t>(topology.hosts.size());
        for (uint32_t r = 0; r < service.replicas; ++r)
        {
            HostSpec host;
            host.name = service.name + "-" + std::to_string(r);
            if (routed(service))
            {
                host.router = *topology.FindRouter(service.name);
                host.uplink = options.intraRegionRate;
                host.downlink = options.intraRegionRate;
                host.delay = options.intraRegionDelay;
            }
            else
            {
                const auto& link = links[service.bridgeLinks.front()];
                const bool outward = link.origin == service.name;
                host.router = *topology.FindRouter(outward ? link.dest : link.origin);
                host.uplink = outward ? link.upload : link.download;
                host.downlink = outward ? link.download : link.upload;
                host.delay = link.latency;
                host.loss = link.drop;
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
            spec.rateAtoB = link.upload;
            spec.rateBtoA = link.download;
            spec.delay = link.latency;
            spec.loss = link.drop;
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
