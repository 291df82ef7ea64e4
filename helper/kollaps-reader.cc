/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "kollaps-reader.h"

#include "topology-units.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <map>
#include <memory>
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
            else if (e.name == "dynamic")
            {
                // Running the file without its schedule would silently make a churn or
                // link-change experiment a static one.
                throw std::invalid_argument(
                    "<dynamic> schedules (joins, crashes, link changes) are not supported yet; "
                    "remove the section to run the network as it starts");
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
    for (const auto& service : services)
    {
        if (!service.bridgeLinks.empty() && !service.serviceLinks.empty())
        {
            throw ErrorAt(file,
                          links[service.serviceLinks.front()].line,
                          "service " + service.name + " links both to a bridge (line " +
                              std::to_string(links[service.bridgeLinks.front()].line) +
                              ") and to services; use one or the other");
        }
        if (service.bridgeLinks.size() > 1)
        {
            throw ErrorAt(file,
                          links[service.bridgeLinks[1]].line,
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
