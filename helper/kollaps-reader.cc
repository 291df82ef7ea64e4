/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "kollaps-reader.h"

#include "topology-units.h"

#include <cctype>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <stdexcept>

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

/**
 * The elements of an XML document, in document order. Kollaps files are plain elements with
 * quoted attributes; this reads that subset (plus comments, declarations and the five
 * predefined entities) and rejects anything else with its line, which a general XML library
 * would not give as readably.
 */
std::vector<Element>
ReadElements(const std::string& text, const std::string& file)
{
    std::vector<Element> elements;
    std::vector<std::pair<std::string, uint32_t>> open;
    uint32_t line = 1;
    std::size_t pos = 0;
    auto advance = [&](std::size_t to) {
        for (; pos < to && pos < text.size(); ++pos)
        {
            line += text[pos] == '\n';
        }
    };
    auto skipSpace = [&]() {
        while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos])))
        {
            advance(pos + 1);
        }
    };
    auto skipPast = [&](const std::string& end, const std::string& what) {
        const uint32_t start = line;
        const auto found = text.find(end, pos);
        if (found == std::string::npos)
        {
            throw ErrorAt(file, start, what + " is never closed with '" + end + "'");
        }
        advance(found + end.size());
    };
    auto readName = [&]() {
        const std::size_t start = pos;
        while (pos < text.size() && (std::isalnum(static_cast<unsigned char>(text[pos])) ||
                                     text[pos] == '_' || text[pos] == '-' || text[pos] == '.' ||
                                     text[pos] == ':'))
        {
            ++pos;
        }
        return text.substr(start, pos - start);
    };
    auto decode = [&](const std::string& raw) {
        static const std::map<std::string, char> entities{
            {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
        std::string out;
        for (std::size_t i = 0; i < raw.size(); ++i)
        {
            bool replaced = false;
            for (const auto& [entity, c] : entities)
            {
                if (raw.compare(i, entity.size(), entity) == 0)
                {
                    out += c;
                    i += entity.size() - 1;
                    replaced = true;
                    break;
                }
            }
            if (!replaced)
            {
                out += raw[i];
            }
        }
        return out;
    };

    while (true)
    {
        const auto lt = text.find('<', pos);
        if (lt == std::string::npos)
        {
            break;
        }
        advance(lt);
        if (text.compare(pos, 4, "<!--") == 0)
        {
            skipPast("-->", "comment");
            continue;
        }
        if (text.compare(pos, 2, "<?") == 0)
        {
            skipPast("?>", "declaration");
            continue;
        }
        if (text.compare(pos, 2, "<!") == 0)
        {
            skipPast(">", "declaration");
            continue;
        }
        if (text.compare(pos, 2, "</") == 0)
        {
            advance(pos + 2);
            const std::string name = readName();
            skipSpace();
            if (pos >= text.size() || text[pos] != '>')
            {
                throw ErrorAt(file, line, "malformed closing tag </" + name + ": expected '>'");
            }
            advance(pos + 1);
            if (open.empty() || open.back().first != name)
            {
                throw ErrorAt(file,
                              line,
                              "closing tag </" + name + "> does not match " +
                                  (open.empty() ? std::string("any open element")
                                                : "<" + open.back().first + "> opened on line " +
                                                      std::to_string(open.back().second)));
            }
            open.pop_back();
            continue;
        }
        advance(pos + 1);
        Element element;
        element.line = line;
        element.name = readName();
        if (element.name.empty())
        {
            throw ErrorAt(file, line, "expected an element name after '<'");
        }
        while (true)
        {
            skipSpace();
            if (pos >= text.size())
            {
                throw ErrorAt(file, element.line, "<" + element.name + " is never closed with '>'");
            }
            if (text.compare(pos, 2, "/>") == 0)
            {
                advance(pos + 2);
                break;
            }
            if (text[pos] == '>')
            {
                advance(pos + 1);
                open.emplace_back(element.name, element.line);
                break;
            }
            const std::string attribute = readName();
            skipSpace();
            if (attribute.empty() || pos >= text.size() || text[pos] != '=')
            {
                throw ErrorAt(file,
                              line,
                              "malformed attribute in <" + element.name +
                                  ">: expected name=\"value\"");
            }
            advance(pos + 1);
            skipSpace();
            const char quote = pos < text.size() ? text[pos] : '\0';
            const auto end = text.find(quote, pos + 1);
            if ((quote != '"' && quote != '\'') || end == std::string::npos)
            {
                throw ErrorAt(file,
                              line,
                              "attribute " + attribute + " of <" + element.name +
                                  "> needs a quoted value");
            }
            const std::string value = decode(text.substr(pos + 1, end - pos - 1));
            if (!element.attributes.emplace(attribute, value).second)
            {
                throw ErrorAt(file, line, "attribute " + attribute + " given twice");
            }
            advance(end + 1);
        }
        elements.push_back(element);
    }
    if (!open.empty())
    {
        throw ErrorAt(file,
                      open.back().second,
                      "<" + open.back().first + "> is never closed");
    }
    return elements;
}

/** A service of the file and how it is connected. */
struct Service
{
    std::string name;
    uint32_t replicas{1};
    uint32_t line{0};
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
        throw ErrorAt(file, elements.empty() ? 1 : elements.front().line,
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
            throw ErrorAt(file, e.line, "the name " + name + " was already declared on line " +
                                            std::to_string(it->second));
        }
    };

    for (const auto& e : elements)
    {
        try
        {
            if (e.name == "service")
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
                        (other ? service.serviceLinks : service.bridgeLinks).push_back(links.size());
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
    for (const auto& service : services)
    {
        if (!service.bridgeLinks.empty() && !service.serviceLinks.empty())
        {
            throw ErrorAt(file, links[service.serviceLinks.front()].line,
                          "service " + service.name + " links both to a bridge (line " +
                              std::to_string(links[service.bridgeLinks.front()].line) +
                              ") and to services; use one or the other");
        }
        if (service.bridgeLinks.size() > 1)
        {
            throw ErrorAt(file, links[service.bridgeLinks[1]].line,
                          "service " + service.name + " has a second bridge link (first on line " +
                              std::to_string(links[service.bridgeLinks[0]].line) +
                              "); a service attaches to one bridge");
        }
        if (service.bridgeLinks.empty() && service.serviceLinks.empty())
        {
            throw ErrorAt(file, service.line, "service " + service.name + " has no link");
        }
        if (!service.serviceLinks.empty())
        {
            topology.routers.push_back(service.name);
        }
    }
    for (const auto& service : services)
    {
        for (uint32_t r = 0; r < service.replicas; ++r)
        {
            HostSpec host;
            host.name = service.name + "-" + std::to_string(r);
            if (service.bridgeLinks.empty())
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
        topology.Validate();
    }
    catch (const std::invalid_argument& error)
    {
        throw std::invalid_argument(file + ": " + error.what());
    }
    return topology;
}

} // namespace ns3
