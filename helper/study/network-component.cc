/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "network-component.h"

#include "../common/attribute-check.h"
#include "../common/name-list.h"
#include "../common/topology-units.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/cross-traffic-helper.h"
#include "ns3/double.h"
#include "ns3/ipv4-address-generator.h"
#include "ns3/kollaps-reader.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/topology-file-reader.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-access-helper.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NetworkComponent");

NS_OBJECT_ENSURE_REGISTERED(NetworkComponent);

TypeId
NetworkComponent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::NetworkComponent")
            .SetParent<ExperimentComponent>()
            .SetGroupName("DivShare")
            .AddConstructor<NetworkComponent>()
            .AddAttribute("Topology",
                          "star, or file (TopologyFile).",
                          StringValue("star"),
                          MakeStringAccessor(&NetworkComponent::m_kind),
                          MakeChoiceChecker({"star", "file"}))
            .AddAttribute("TopologyFile",
                          "Topology file: the module's format (topologies/README.md), or "
                          "Kollaps XML (.xml).",
                          StringValue(""),
                          MakeStringAccessor(&NetworkComponent::m_file),
                          MakeStringChecker())
            .AddAttribute("CrossTraffic",
                          "Run the traffic lines of a topology file.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&NetworkComponent::m_crossTrafficOn),
                          MakeBooleanChecker())
            .AddAttribute("AllowIslands",
                          "Run a network whose learning nodes form islands that no chain of "
                          "links joins (a partition study): each island learns apart, and "
                          "sends to another island count as unreachable (false: refuse it).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&NetworkComponent::m_allowIslands),
                          MakeBooleanChecker())
            .AddAttribute("Nodes",
                          "Learning nodes on the star.",
                          UintegerValue(16),
                          MakeUintegerAccessor(&NetworkComponent::m_nodes),
                          MakeUintegerChecker<uint32_t>(2, 100000))
            .AddAttribute("Rate",
                          "Access rate of the star's regular nodes (a unit is required).",
                          DataRateValue(DataRate("20Mbps")),
                          MakeDataRateAccessor(&NetworkComponent::m_rate),
                          MakeDataRateChecker())
            .AddAttribute("Delay",
                          "One-way delay of every star access link (a unit is required).",
                          TimeValue(MilliSeconds(1)),
                          MakeTimeAccessor(&NetworkComponent::m_delay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("Stragglers",
                          "How many of the star's nodes are communication stragglers (the "
                          "last ones).",
                          UintegerValue(4),
                          MakeUintegerAccessor(&NetworkComponent::m_stragglers),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("StragglerRate",
                          "Access rate of the slowest straggler.",
                          DataRateValue(DataRate("2Mbps")),
                          MakeDataRateAccessor(&NetworkComponent::m_stragglerRate),
                          MakeDataRateChecker())
            .AddAttribute("StragglerRateMax",
                          "Access rate of the fastest straggler; rates are spread evenly in "
                          "between (empty: all at StragglerRate).",
                          StringValue(""),
                          MakeStringAccessor(&NetworkComponent::m_stragglerRateMax),
                          MakeParsedTextChecker(
                              [](const std::string& value) {
                                  if (!value.empty())
                                  {
                                      ParseRate(value);
                                  }
                              },
                              "a rate with its unit, or empty"))
            .AddAttribute("IntraRegionRate",
                          "Kollaps files whose links join services (regions): access rate "
                          "inside a region.",
                          DataRateValue(KollapsOptions{}.intraRegionRate),
                          MakeDataRateAccessor(&NetworkComponent::m_intraRegionRate),
                          MakeDataRateChecker())
            .AddAttribute("IntraRegionDelay",
                          "Kollaps region files: access delay inside a region.",
                          TimeValue(KollapsOptions{}.intraRegionDelay),
                          MakeTimeAccessor(&NetworkComponent::m_intraRegionDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("QueueDisc",
                          "Queue discipline at router egress: default (ns-3's FQ-CoDel over a "
                          "100-packet device queue), " +
                              JoinNames(NetworkOptions::GetQueueDiscs()) + ".",
                          StringValue(NetworkOptions{}.queueDisc),
                          MakeStringAccessor(&NetworkComponent::m_queueDisc),
                          MakeParsedTextChecker(
                              [](const std::string& name) { NetworkOptions().SetQueueDisc(name); },
                              "default, " + JoinNames(NetworkOptions::GetQueueDiscs())))
            .AddAttribute("QueueSize",
                          "Router queue size, e.g. 100p or 150000B (empty: the discipline's "
                          "own; alone it selects fifo).",
                          StringValue(""),
                          MakeStringAccessor(&NetworkComponent::m_queueSize),
                          MakeParsedTextChecker(
                              [](const std::string& size) {
                                  if (!size.empty())
                                  {
                                      ParseQueueSize(size);
                                  }
                              },
                              "packets (100p) or bytes (150000B)"))
            .AddAttribute("TcpVariant",
                          "TCP congestion control: default (Cubic), newreno, cubic, bbr, vegas, "
                          "dctcp, ... or an ns-3 TypeId.",
                          StringValue(NetworkOptions{}.tcpVariant),
                          MakeStringAccessor(&NetworkComponent::m_tcpVariant),
                          MakeParsedTextChecker(
                              [](const std::string& name) { NetworkOptions().SetTcpVariant(name); },
                              "a TCP variant or its TypeId"))
            .AddAttribute("Mtu",
                          "IP MTU of every link in bytes.",
                          UintegerValue(NetworkOptions{}.mtu),
                          MakeUintegerAccessor(&NetworkComponent::m_mtu),
                          MakeUintegerChecker<uint32_t>(576, 9000))
            .AddAttribute("ErrorRate",
                          "Packet error rate of every link.",
                          DoubleValue(NetworkOptions{}.errorRate),
                          MakeDoubleAccessor(&NetworkComponent::m_errorRate),
                          MakeDoubleChecker<double>(0, 1))
            .AddAttribute("TcpSegmentSize",
                          "TCP maximum segment size in bytes (capped at Mtu - 52).",
                          UintegerValue(1448),
                          MakeUintegerAccessor(&NetworkComponent::m_tcpSegmentSize),
                          MakeUintegerChecker<uint32_t>(64, 65495));
    return tid;
}

void
NetworkComponent::SetTopology(const NetworkTopology& topology,
                              const std::vector<CrossTrafficFlow>& crossTraffic)
{
    m_givenTopology = topology;
    m_givenCrossTraffic = crossTraffic;
    m_given = true;
}

void
NetworkComponent::CopyFrom(const ExperimentComponent& other)
{
    ExperimentComponent::CopyFrom(other);
    const auto& network = dynamic_cast<const NetworkComponent&>(other);
    if (network.m_given)
    {
        SetTopology(network.m_givenTopology, network.m_givenCrossTraffic);
    }
}

bool
NetworkComponent::IsKollaps() const
{
    return !m_given && m_kind == "file" && m_file.size() > 4 &&
           m_file.compare(m_file.size() - 4, 4, ".xml") == 0;
}

NetworkTopology
NetworkComponent::MakeStar() const
{
    if (m_stragglers > m_nodes)
    {
        throw SettingError("Stragglers",
                           "{Stragglers} = " + std::to_string(m_stragglers) +
                               " exceeds {Nodes} = " + std::to_string(m_nodes) + ": lower it");
    }
    std::vector<StragglerClass> classes;
    // A range over no stragglers describes nobody: a sweep down to 0 stragglers keeps it.
    if (m_stragglerRateMax.empty() || m_stragglers == 0)
    {
        classes.push_back({m_stragglers, m_stragglerRate});
    }
    else
    {
        const DataRate fastest = ParseRate(m_stragglerRateMax);
        if (fastest < m_stragglerRate || m_stragglers == 1)
        {
            throw SettingError("StragglerRateMax",
                               "{StragglerRateMax} = " + m_stragglerRateMax +
                                   " needs 0 or at least 2 stragglers and a rate not below "
                                   "{StragglerRate} (" +
                                   std::to_string(m_stragglerRate.GetBitRate()) +
                                   "bps): raise it or remove it");
        }
        // Evenly spread, like the reference's 10-13 Mbit/s stragglers.
        const double step =
            static_cast<double>(fastest.GetBitRate() - m_stragglerRate.GetBitRate()) /
            (m_stragglers - 1);
        for (uint32_t i = 0; i < m_stragglers; ++i)
        {
            classes.push_back(
                {1, DataRate(m_stragglerRate.GetBitRate() + static_cast<uint64_t>(step * i))});
        }
    }
    return NetworkTopology::Star(m_nodes, m_rate, m_delay, classes);
}

void
NetworkComponent::Read(ExperimentContext& context) const
{
    if (m_file.empty())
    {
        throw SettingError("TopologyFile",
                           "{Topology} = file needs {TopologyFile}: a topology in the module's "
                           "format (see topologies/README.md) or a Kollaps .xml file");
    }
    if (IsKollaps())
    {
        KollapsOptions options;
        options.intraRegionRate = m_intraRegionRate;
        options.intraRegionDelay = m_intraRegionDelay;
        context.topology = KollapsReader::Read(m_file, options);
        context.crossTraffic.clear();
        return;
    }
    auto file = TopologyFileReader::Read(m_file);
    context.topology = std::move(file.topology);
    context.crossTraffic =
        m_crossTrafficOn ? std::move(file.crossTraffic) : std::vector<CrossTrafficFlow>{};
}

void
NetworkComponent::Configure(ExperimentContext& context)
{
    const std::vector<std::string> star{"Nodes",
                                        "Rate",
                                        "Delay",
                                        "Stragglers",
                                        "StragglerRate",
                                        "StragglerRateMax"};
    if (m_given)
    {
        for (const char* file : {"Topology", "TopologyFile"})
        {
            context.RefuseIgnored(file, "the network is given as an object (SetTopology)");
        }
        for (const auto& name : star)
        {
            context.RefuseIgnored(name, "the network is given as an object (SetTopology)");
        }
        m_givenTopology.Validate();
        context.topology = m_givenTopology;
        context.crossTraffic = m_givenCrossTraffic;
    }
    else if (m_kind == "file")
    {
        for (const auto& name : star)
        {
            context.RefuseIgnored(name, "{Topology} = file (the file describes the network)");
        }
        Read(context);
    }
    else
    {
        if (!m_file.empty())
        {
            throw SettingError("TopologyFile",
                               "{TopologyFile} = " + m_file +
                                   " is set but {Topology} = star: set {Topology} = file to use "
                                   "the file, or remove {TopologyFile}");
        }
        context.topology = MakeStar();
        context.crossTraffic.clear();
    }
    if (!IsKollaps())
    {
        context.RefuseIgnored("IntraRegionRate",
                              "the network is not read from a Kollaps .xml file");
        context.RefuseIgnored("IntraRegionDelay",
                              "the network is not read from a Kollaps .xml file");
    }
    try
    {
        m_islands = static_cast<uint32_t>(context.topology.Islands().size());
        if (!m_allowIslands)
        {
            context.topology.CheckConnected("{AllowIslands}");
        }
    }
    catch (const std::invalid_argument& error)
    {
        const bool read = !m_given && m_kind == "file";
        throw std::invalid_argument((read ? m_file + ": " : std::string()) + error.what());
    }
    WifiAccessHelper::Check(context.topology);
    if (m_islands > 1)
    {
        context.notes.push_back("the network is " + std::to_string(m_islands) +
                                " islands; each learns apart and sends between them count as "
                                "unreachable ({AllowIslands} = true)");
    }
    if (m_given || m_kind != "file" || IsKollaps())
    {
        context.RefuseIgnored("CrossTraffic",
                              "the network is not read from a topology file with traffic lines");
    }
    m_options = NetworkOptions();
    m_options.SetQueueDisc(m_queueDisc);
    if (!m_queueSize.empty())
    {
        m_options.queueSize = ParseQueueSize(m_queueSize);
    }
    m_options.SetTcpVariant(m_tcpVariant);
    m_options.mtu = m_mtu;
    m_options.errorRate = m_errorRate;
    if (context.GetNodeCount() < 2)
    {
        throw std::invalid_argument("the network has " + std::to_string(context.GetNodeCount()) +
                                    " learning nodes; decentralized learning needs at least 2");
    }
}

void
NetworkComponent::RefuseDistributed(const ExperimentContext& context,
                                    const std::string& needs) const
{
    const auto& topology = context.topology;
    for (const auto& host : topology.hosts)
    {
        if (host.jitter.IsStrictlyPositive() || host.back)
        {
            throw std::invalid_argument("host " + host.name + ": jitter or per-direction delays" +
                                        needs + "them from the network");
        }
    }
    for (const auto& link : topology.links)
    {
        if (link.jitter.IsStrictlyPositive() || link.back)
        {
            throw std::invalid_argument(
                "link " + topology.routers[link.a] + " - " + topology.routers[link.b] +
                ": jitter or per-direction delays" + needs + "them from the network");
        }
    }
    if (!topology.cells.empty())
    {
        // A cell split over ranks would need a radio channel between processes.
        throw std::invalid_argument(topology.cells.front().origin + ": Wi-Fi cells" + needs +
                                    "the wifi and station lines");
    }
    if (!context.crossTraffic.empty())
    {
        throw SettingError("CrossTraffic",
                           "cross traffic (" + context.crossTraffic.front().from + " to " +
                               context.crossTraffic.front().to + ")" + needs +
                               "the traffic lines or set {CrossTraffic} = false");
    }
}

void
NetworkComponent::Build(ExperimentContext& context) const
{
    // The MTU caps the segment size.
    Config::SetDefault("ns3::TcpSocket::SegmentSize",
                       UintegerValue(std::min(m_tcpSegmentSize, m_options.MaxSegmentSize())));
    m_options.ApplyDefaults();
    // Addresses are reused run after run in one process (tests, sweeps).
    Ipv4AddressGenerator::Reset();
    TopologyHelper topology;
    topology.SetPartition(context.ranks);
    context.installed = topology.Install(context.topology, m_options);
}

void
NetworkComponent::Install(ExperimentContext& context)
{
    CrossTrafficHelper().Install(context.crossTraffic,
                                 context.topology,
                                 context.installed,
                                 context.stop);
}

void
NetworkComponent::Describe(RunDescription& run) const
{
    run.islands = m_islands;
}

const NetworkOptions&
NetworkComponent::GetNetworkOptions() const
{
    return m_options;
}

} // namespace ns3
