/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "experiment-helper.h"

#include "attribute-check.h"
#include "decentralized-learning-helper.h"
#include "distributed-run.h"
#include "experiment-keys.h"
#include "kollaps-reader.h"
#include "name-list.h"
#include "topology-file-reader.h"
#include "topology-units.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/data-partition.h"
#include "ns3/decentralized-learning-application.h"
#include "ns3/double.h"
#include "ns3/global-value.h"
#include "ns3/ipv4-address-generator.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/model-transport.h"
#include "ns3/object-factory.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ns3/workload-factory.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <sstream>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ExperimentHelper");

namespace
{

/** Algorithm name -> application TypeId, in the order they are listed. */
const std::vector<std::pair<std::string, std::string>>&
Algorithms()
{
    static const std::vector<std::pair<std::string, std::string>> known{
        {"divshare", "ns3::DivShareApplication"},
        {"adpsgd", "ns3::AdPsgdApplication"},
        {"swift", "ns3::SwiftApplication"},
        {"dpsgd", "ns3::DpsgdApplication"},
        {"el", "ns3::EpidemicLearningApplication"},
    };
    return known;
}

const std::vector<std::string> DATASETS{"synthetic", "cifar10", "movielens"};
const std::vector<std::string> MODELS{"mlp", "gn-lenet", "mf"};
const std::vector<std::string> TOPOLOGIES{"star", "file"};

std::string
CheckChoice(const std::string& value, const std::vector<std::string>& choices)
{
    return std::find(choices.begin(), choices.end(), value) != choices.end()
               ? ""
               : "'" + value + "' is not one of: " + JoinNames(choices);
}

/** Crashes as "NODE@TIME,NODE@TIME" (TIME with its unit), in the order given, as events. */
std::vector<NetworkEvent>
ParseCrashes(const std::string& text, const std::string& name)
{
    std::vector<NetworkEvent> crashes;
    std::istringstream list(text);
    for (std::string item; std::getline(list, item, ',');)
    {
        const auto at = item.find('@');
        if (at == std::string::npos || at == 0)
        {
            throw std::invalid_argument("'" + item + "' is not NODE@TIME, e.g. 3@10s");
        }
        crashes.push_back(NetworkEvent::Parse({item.substr(at + 1), "crash", item.substr(0, at)}));
        crashes.back().origin = name;
    }
    return crashes;
}

double
WallNow()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

const ClassifierConfig CLASSIFIER_DEFAULTS{};

/** A study of this process has been prepared for a distributed run. */
bool g_distributedStudy = false;

} // namespace

// After the names above: registering builds the TypeId, whose defaults and help use them.
NS_OBJECT_ENSURE_REGISTERED(ExperimentHelper);

TypeId
ExperimentHelper::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ExperimentHelper")
            .SetParent<Object>()
            .SetGroupName("DivShare")
            .AddConstructor<ExperimentHelper>()
            // The study.
            .AddAttribute("Name",
                          "Short name of the study, written into summary.json.",
                          StringValue("divshare"),
                          MakeStringAccessor(&ExperimentHelper::m_name),
                          MakeStringChecker())
            .AddAttribute("Algorithm",
                          "Decentralized learning algorithm: " + JoinNames(GetAlgorithms()) + ".",
                          StringValue("divshare"),
                          MakeStringAccessor(&ExperimentHelper::m_algorithm),
                          MakeStringChecker())
            .AddAttribute("Seed",
                          "Seed of everything random: data split, models, peers, ns-3 streams.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&ExperimentHelper::m_seed),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("Duration",
                          "Simulated seconds to run.",
                          DoubleValue(60),
                          MakeDoubleAccessor(&ExperimentHelper::m_duration),
                          MakeDoubleChecker<double>(1e-3))
            .AddAttribute("OutputDirectory",
                          "Folder for the result files (empty: none written).",
                          StringValue("results/divshare"),
                          MakeStringAccessor(&ExperimentHelper::m_output),
                          MakeStringChecker())
            .AddAttribute("Progress",
                          "Print a line per evaluation, and on a terminal a live line below "
                          "them: simulated time, share done, wall time, time left, metric.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&ExperimentHelper::m_progress),
                          MakeBooleanChecker())
            .AddAttribute("Pcap",
                          "Write pcap files of these learning nodes' devices, and the messages "
                          "they sent and received (messages.csv), into OutputDirectory/pcap: "
                          "all, or names or indices separated by ',' (empty: none).",
                          StringValue(""),
                          MakeStringAccessor(&ExperimentHelper::m_pcap),
                          MakeStringChecker())
            .AddAttribute("NetAnim",
                          "Write a NetAnim trace of the first this many simulated seconds into "
                          "OutputDirectory/netanim.xml: every packet on every link, and the "
                          "messages each node received (0: none; at most " +
                              std::to_string(NetworkAnimation::MAX_NODES) + " nodes).",
                          DoubleValue(0),
                          MakeDoubleAccessor(&ExperimentHelper::m_netAnim),
                          MakeDoubleChecker<double>(0))
            // Measurement.
            .AddAttribute("EvaluationInterval",
                          "Simulated seconds between evaluations.",
                          DoubleValue(5),
                          MakeDoubleAccessor(&ExperimentHelper::m_evaluationInterval),
                          MakeDoubleChecker<double>(1e-3))
            .AddAttribute("EvaluationNodes",
                          "Evaluate this many nodes, evenly spaced (0: all).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&ExperimentHelper::m_evaluationNodes),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("TestSamples",
                          "Evaluate on a fixed random test subset of this size (0: the whole "
                          "test set).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&ExperimentHelper::m_testSamples),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Target",
                          "Target mean accuracy (rating tasks: target RMSE) for "
                          "time-to-target.",
                          DoubleValue(0.6),
                          MakeDoubleAccessor(&ExperimentHelper::m_target),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("Crashes",
                          "Nodes that crash, as NODE@TIME,... (e.g. 3@10s,5@12.5s): at TIME the "
                          "node's links go down and its application stops at once; its peers "
                          "are not told (empty: none).",
                          StringValue(""),
                          MakeStringAccessor(&ExperimentHelper::m_crashes),
                          MakeStringChecker())
            .AddAttribute("Events",
                          "Changes of the network during the run, separated by ';': TIME "
                          "join|leave|crash|disconnect|reconnect NODE, TIME link-set A B "
                          "[rate=] [up=] [down=] [delay=] [loss=], TIME link-down|link-up A B "
                          "(e.g. '10s leave 3; 20s link-set node5 switch rate=1Mbps'); added to "
                          "the topology file's event lines (empty: none).",
                          StringValue(""),
                          MakeStringAccessor(&ExperimentHelper::m_events),
                          MakeStringChecker())
            .AddAttribute("EventsFile",
                          "A file of events, one per line in the Events form (e.g. a rate trace "
                          "as TIME link-set A B rate=RATE lines); added to the others (empty: "
                          "none).",
                          StringValue(""),
                          MakeStringAccessor(&ExperimentHelper::m_eventsFile),
                          MakeStringChecker())
            .AddAttribute("MembershipDelay",
                          "How long after a node joins, leaves, crashes, disconnects or "
                          "reconnects the other nodes learn of it and draw their peers "
                          "accordingly (0: never; they keep drawing the configured membership).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&ExperimentHelper::m_membershipDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("ChurnRate",
                          "Seeded churn: disconnections per node and simulated second; each "
                          "disconnected node reconnects after an exponentially distributed "
                          "ChurnDowntime, with its state (0: none).",
                          DoubleValue(0),
                          MakeDoubleAccessor(&ExperimentHelper::m_churnRate),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("ChurnDowntime",
                          "Mean simulated time a churned node stays disconnected.",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&ExperimentHelper::m_churnDowntime),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("CongestionTraces",
                          "Also write link-utilization.csv, queues.csv, flows.csv and "
                          "fragment-latency.csv.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&ExperimentHelper::m_congestionTraces),
                          MakeBooleanChecker())
            .AddAttribute("TraceInterval",
                          "Simulated seconds between congestion-trace samples.",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&ExperimentHelper::m_traceInterval),
                          MakeDoubleChecker<double>(1e-4))
            // Network.
            .AddAttribute("Topology",
                          "star, or file (TopologyFile).",
                          StringValue("star"),
                          MakeStringAccessor(&ExperimentHelper::m_topologyKind),
                          MakeStringChecker())
            .AddAttribute("TopologyFile",
                          "Topology file: the module's format (topologies/README.md), or "
                          "Kollaps XML (.xml).",
                          StringValue(""),
                          MakeStringAccessor(&ExperimentHelper::m_topologyFile),
                          MakeStringChecker())
            .AddAttribute("CrossTraffic",
                          "Run the traffic lines of a topology file.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&ExperimentHelper::m_crossTrafficOn),
                          MakeBooleanChecker())
            .AddAttribute("AllowIslands",
                          "Run a network whose learning nodes form islands that no chain of "
                          "links joins (a partition study): each island learns apart, and "
                          "sends to another island count as unreachable (false: refuse it).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&ExperimentHelper::m_allowIslands),
                          MakeBooleanChecker())
            .AddAttribute("Nodes",
                          "Learning nodes on the star.",
                          UintegerValue(16),
                          MakeUintegerAccessor(&ExperimentHelper::m_nodes),
                          MakeUintegerChecker<uint32_t>(2, 100000))
            .AddAttribute("Rate",
                          "Access rate of the star's regular nodes (a unit is required).",
                          DataRateValue(DataRate("20Mbps")),
                          MakeDataRateAccessor(&ExperimentHelper::m_rate),
                          MakeDataRateChecker())
            .AddAttribute("Delay",
                          "One-way delay of every star access link (a unit is required).",
                          TimeValue(MilliSeconds(1)),
                          MakeTimeAccessor(&ExperimentHelper::m_delay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("Stragglers",
                          "How many of the star's nodes are communication stragglers (the "
                          "last ones).",
                          UintegerValue(4),
                          MakeUintegerAccessor(&ExperimentHelper::m_stragglers),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("StragglerRate",
                          "Access rate of the slowest straggler.",
                          DataRateValue(DataRate("2Mbps")),
                          MakeDataRateAccessor(&ExperimentHelper::m_stragglerRate),
                          MakeDataRateChecker())
            .AddAttribute("StragglerRateMax",
                          "Access rate of the fastest straggler; rates are spread evenly in "
                          "between (empty: all at StragglerRate).",
                          StringValue(""),
                          MakeStringAccessor(&ExperimentHelper::m_stragglerRateMax),
                          MakeStringChecker())
            .AddAttribute("IntraRegionRate",
                          "Kollaps files whose links join services (regions): access rate "
                          "inside a region.",
                          DataRateValue(KollapsOptions{}.intraRegionRate),
                          MakeDataRateAccessor(&ExperimentHelper::m_intraRegionRate),
                          MakeDataRateChecker())
            .AddAttribute("IntraRegionDelay",
                          "Kollaps region files: access delay inside a region.",
                          TimeValue(KollapsOptions{}.intraRegionDelay),
                          MakeTimeAccessor(&ExperimentHelper::m_intraRegionDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("QueueDisc",
                          "Queue discipline at router egress: default (ns-3's FQ-CoDel over a "
                          "100-packet device queue), " +
                              JoinNames(NetworkOptions::GetQueueDiscs()) + ".",
                          StringValue(NetworkOptions{}.queueDisc),
                          MakeStringAccessor(&ExperimentHelper::m_queueDisc),
                          MakeStringChecker())
            .AddAttribute("QueueSize",
                          "Router queue size, e.g. 100p or 150000B (empty: the discipline's "
                          "own; alone it selects fifo).",
                          StringValue(""),
                          MakeStringAccessor(&ExperimentHelper::m_queueSize),
                          MakeStringChecker())
            .AddAttribute("TcpVariant",
                          "TCP congestion control: default (Cubic), newreno, cubic, bbr, vegas, "
                          "dctcp, ... or an ns-3 TypeId.",
                          StringValue(NetworkOptions{}.tcpVariant),
                          MakeStringAccessor(&ExperimentHelper::m_tcpVariant),
                          MakeStringChecker())
            .AddAttribute("Mtu",
                          "IP MTU of every link in bytes.",
                          UintegerValue(NetworkOptions{}.mtu),
                          MakeUintegerAccessor(&ExperimentHelper::m_mtu),
                          MakeUintegerChecker<uint32_t>(576, 9000))
            .AddAttribute("ErrorRate",
                          "Packet error rate of every link.",
                          DoubleValue(NetworkOptions{}.errorRate),
                          MakeDoubleAccessor(&ExperimentHelper::m_errorRate),
                          MakeDoubleChecker<double>(0, 1))
            .AddAttribute("TcpSegmentSize",
                          "TCP maximum segment size in bytes (capped at Mtu - 52).",
                          UintegerValue(1448),
                          MakeUintegerAccessor(&ExperimentHelper::m_tcpSegmentSize),
                          MakeUintegerChecker<uint32_t>(64, 65495))
            // Workload.
            .AddAttribute("Dataset",
                          "Data set: " + JoinNames(DATASETS) + ".",
                          StringValue("synthetic"),
                          MakeStringAccessor(&ExperimentHelper::m_dataset),
                          MakeStringChecker())
            .AddAttribute("DataPath",
                          "Folder of the data set (cifar-10-batches-bin, ml-latest-small or "
                          "ml-100k); not used by synthetic.",
                          StringValue(""),
                          MakeStringAccessor(&ExperimentHelper::m_dataPath),
                          MakeStringChecker())
            .AddAttribute("Partition",
                          "Classification partition: iid, shards:K or dirichlet:ALPHA "
                          "(MovieLens: users spread over nodes).",
                          StringValue("shards:2"),
                          MakeStringAccessor(&ExperimentHelper::m_partition),
                          MakeStringChecker())
            .AddAttribute("Model",
                          "Model: mlp or gn-lenet (classification), mf (MovieLens).",
                          StringValue(CLASSIFIER_DEFAULTS.model),
                          MakeStringAccessor(&ExperimentHelper::m_model),
                          MakeStringChecker())
            .AddAttribute("MlpHidden",
                          "Hidden units of the mlp model.",
                          UintegerValue(CLASSIFIER_DEFAULTS.mlpHidden),
                          MakeUintegerAccessor(&ExperimentHelper::m_mlpHidden),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("MfBiases",
                          "mf: add user, item and global biases (the reference model has none).",
                          BooleanValue(MatrixFactorizationConfig{}.biases),
                          MakeBooleanAccessor(&ExperimentHelper::m_mfBiases),
                          MakeBooleanChecker())
            .AddAttribute("BatchSize",
                          "Mini-batch size of local SGD.",
                          UintegerValue(CLASSIFIER_DEFAULTS.batchSize),
                          MakeUintegerAccessor(&ExperimentHelper::m_batchSize),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("LearningRate",
                          "SGD learning rate.",
                          DoubleValue(CLASSIFIER_DEFAULTS.learningRate),
                          MakeDoubleAccessor(&ExperimentHelper::m_learningRate),
                          MakeDoubleChecker<double>(1e-12));
    return tid;
}

ExperimentHelper::ExperimentHelper()
{
    NS_LOG_FUNCTION(this);
}

ExperimentHelper::~ExperimentHelper()
{
    NS_LOG_FUNCTION(this);
}

void
ExperimentHelper::DoDispose()
{
    m_monitor.reset();
    m_progressLine.reset();
    m_tracer.reset();
    m_capture.reset();
    m_animation.reset();
    m_dynamics.reset();
    m_apps = ApplicationContainer();
    m_workload.reset();
    Object::DoDispose();
}

std::vector<std::string>
ExperimentHelper::GetAlgorithms()
{
    std::vector<std::string> names;
    for (const auto& [name, type] : Algorithms())
    {
        names.push_back(name);
    }
    return names;
}

std::string
ExperimentHelper::AlgorithmTypeId(const std::string& algorithm)
{
    for (const auto& [name, type] : Algorithms())
    {
        if (name == algorithm)
        {
            return type;
        }
    }
    throw std::invalid_argument("unknown algorithm '" + algorithm +
                                "'; known: " + JoinNames(GetAlgorithms()));
}

std::string
ExperimentHelper::CheckText(const std::string& attribute, const std::string& value)
{
    if (attribute == "Algorithm")
    {
        return CheckChoice(value, GetAlgorithms());
    }
    if (attribute == "Dataset")
    {
        return CheckChoice(value, DATASETS);
    }
    if (attribute == "Model")
    {
        return CheckChoice(value, MODELS);
    }
    if (attribute == "Topology")
    {
        return CheckChoice(value, TOPOLOGIES);
    }
    try
    {
        if (attribute == "StragglerRateMax" && !value.empty())
        {
            ParseRate(value);
        }
        else if (attribute == "QueueDisc" || attribute == "TcpVariant" ||
                 (attribute == "QueueSize" && !value.empty()))
        {
            NetworkOptions options;
            options.Set(attribute == "QueueDisc"    ? "queueDisc"
                        : attribute == "TcpVariant" ? "tcpVariant"
                                                    : "queueSize",
                        value);
        }
        else if (attribute == "Partition")
        {
            CheckPartitionSpec(value);
        }
        else if (attribute == "Crashes")
        {
            ParseCrashes(value, attribute);
        }
        else if (attribute == "Events")
        {
            NetworkEvent::ParseList(value, attribute);
        }
    }
    catch (const std::invalid_argument& error)
    {
        return error.what();
    }
    return "";
}

Ptr<ExperimentHelper>
ExperimentHelper::Clone() const
{
    auto clone = CreateObject<ExperimentHelper>();
    const TypeId tid = GetTypeId();
    for (std::size_t i = 0; i < tid.GetAttributeN(); ++i)
    {
        const auto info = tid.GetAttribute(i);
        Ptr<AttributeValue> value = info.checker->Create();
        GetAttribute(info.name, *value);
        clone->SetAttribute(info.name, *value);
    }
    clone->m_naming = m_naming;
    clone->m_applicationValues = m_applicationValues;
    clone->m_transportValues = m_transportValues;
    clone->m_given = m_given;
    if (m_topologyGiven)
    {
        clone->SetTopology(m_topology, m_crossTraffic);
    }
    if (m_workloadGiven)
    {
        clone->SetWorkload(m_workload);
    }
    return clone;
}

void
ExperimentHelper::SetNaming(Naming naming)
{
    m_naming = naming;
}

std::string
ExperimentHelper::NameOf(const std::string& attribute) const
{
    if (m_naming == ATTRIBUTES)
    {
        return attribute;
    }
    for (const auto& key : GetExperimentKeys())
    {
        if (key.attribute == attribute)
        {
            return m_naming == SCENARIO_KEYS ? key.key : "--" + key.option;
        }
    }
    return attribute;
}

namespace
{

/** Where a setting lives. */
enum class Owner
{
    EXPERIMENT,
    APPLICATION,
    TRANSPORT,
    GLOBAL,
    NONE,
};

/** What is known of a setting, wherever it lives. */
struct Setting
{
    Owner owner{Owner::NONE};
    Ptr<const AttributeChecker> checker;
    Ptr<const AttributeValue> initial; //!< a GlobalValue's: its current value
    std::string help;
};

Setting
Locate(const std::string& name)
{
    TypeId::AttributeInformation info;
    std::vector<std::pair<Owner, TypeId>> owners{{Owner::EXPERIMENT, ExperimentHelper::GetTypeId()},
                                                 {Owner::TRANSPORT, ModelTransport::GetTypeId()}};
    // Each application attribute is declared once, so the first algorithm that has it says
    // all there is to say.
    for (const auto& algorithm : ExperimentHelper::GetAlgorithms())
    {
        owners.emplace_back(Owner::APPLICATION,
                            TypeId::LookupByName(ExperimentHelper::AlgorithmTypeId(algorithm)));
    }
    for (const auto& [owner, tid] : owners)
    {
        if (tid.LookupAttributeByName(name, &info))
        {
            return {owner, info.checker, info.initialValue, info.help};
        }
    }
    for (auto it = GlobalValue::Begin(); it != GlobalValue::End(); ++it)
    {
        if ((*it)->GetName() == name)
        {
            Ptr<AttributeValue> current = (*it)->GetChecker()->Create();
            (*it)->GetValue(*current);
            return {Owner::GLOBAL, (*it)->GetChecker(), current, (*it)->GetHelp()};
        }
    }
    return {};
}

/** \return what is wrong with value for name, or empty with normalized set */
std::string
Normalize(const Setting& setting,
          const std::string& name,
          const std::string& value,
          std::string& normalized)
{
    if (setting.owner == Owner::NONE)
    {
        return "unknown setting";
    }
    std::string problem = NormalizeAttributeValue(setting.checker, value, normalized);
    if (problem.empty() && setting.owner == Owner::EXPERIMENT)
    {
        problem = ExperimentHelper::CheckText(name, normalized);
    }
    return problem;
}

} // namespace

std::string
ExperimentHelper::CheckValue(const std::string& name, const std::string& value)
{
    std::string normalized;
    return Normalize(Locate(name), name, value, normalized);
}

void
ExperimentHelper::Set(const std::string& name, const std::string& value)
{
    const Setting setting = Locate(name);
    std::string normalized;
    const std::string problem = Normalize(setting, name, value, normalized);
    if (!problem.empty())
    {
        throw std::invalid_argument(NameOf(name) + " = '" + value + "': " + problem);
    }
    switch (setting.owner)
    {
    case Owner::EXPERIMENT:
        SetAttribute(name, StringValue(normalized));
        break;
    case Owner::APPLICATION:
        m_applicationValues[name] = normalized;
        break;
    case Owner::TRANSPORT:
        m_transportValues[name] = normalized;
        break;
    case Owner::GLOBAL:
        GlobalValue::Bind(name, StringValue(normalized));
        break;
    case Owner::NONE:
        break;
    }
    m_given.insert(name);
}

std::string
ExperimentHelper::Get(const std::string& name) const
{
    const Setting setting = Locate(name);
    if (setting.owner == Owner::NONE)
    {
        throw std::invalid_argument("unknown setting " + name);
    }
    const auto& given =
        setting.owner == Owner::APPLICATION ? m_applicationValues : m_transportValues;
    auto it = given.find(name);
    if ((setting.owner == Owner::APPLICATION || setting.owner == Owner::TRANSPORT) &&
        it != given.end())
    {
        return it->second;
    }
    if (setting.owner == Owner::EXPERIMENT)
    {
        Ptr<AttributeValue> value = setting.checker->Create();
        GetAttribute(name, *value);
        return AttributeText(setting.checker, *value);
    }
    return AttributeText(setting.checker, *setting.initial);
}

std::pair<std::string, std::string>
ExperimentHelper::DescribeSetting(const std::string& name)
{
    const Setting setting = Locate(name);
    if (setting.owner == Owner::NONE)
    {
        throw std::invalid_argument("unknown setting " + name);
    }
    return {setting.help, AttributeText(setting.checker, *setting.initial)};
}

void
ExperimentHelper::RefuseIgnored(const std::string& attribute, const std::string& reason) const
{
    if (m_given.count(attribute))
    {
        throw std::invalid_argument(NameOf(attribute) + " is set but " + reason + ": remove " +
                                    NameOf(attribute));
    }
}

void
ExperimentHelper::SetApplicationAttribute(const std::string& name, const std::string& value)
{
    if (Locate(name).owner != Owner::APPLICATION)
    {
        throw std::invalid_argument("no algorithm has an attribute " + name);
    }
    Set(name, value);
}

void
ExperimentHelper::SetTransportAttribute(const std::string& name, const std::string& value)
{
    if (Locate(name).owner != Owner::TRANSPORT)
    {
        throw std::invalid_argument("ns3::ModelTransport has no attribute " + name);
    }
    Set(name, value);
}

void
ExperimentHelper::SetTopology(const NetworkTopology& topology,
                              const std::vector<CrossTrafficFlow>& crossTraffic)
{
    m_topology = topology;
    m_crossTraffic = crossTraffic;
    m_topologyGiven = true;
}

void
ExperimentHelper::SetWorkload(std::shared_ptr<Workload> workload)
{
    m_workload = std::move(workload);
    m_workloadGiven = true;
}

NetworkTopology
ExperimentHelper::MakeStar() const
{
    if (m_stragglers > m_nodes)
    {
        throw std::invalid_argument(NameOf("Stragglers") + " = " + std::to_string(m_stragglers) +
                                    " exceeds " + NameOf("Nodes") + " = " +
                                    std::to_string(m_nodes) + ": lower it");
    }
    std::vector<StragglerClass> classes;
    if (m_stragglerRateMax.empty())
    {
        classes.push_back({m_stragglers, m_stragglerRate});
    }
    else
    {
        const DataRate fastest = ParseRate(m_stragglerRateMax);
        if (fastest < m_stragglerRate || m_stragglers < 2)
        {
            throw std::invalid_argument(NameOf("StragglerRateMax") + " = " + m_stragglerRateMax +
                                        " needs at least 2 stragglers and a rate not below " +
                                        NameOf("StragglerRate") + " (" +
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
ExperimentHelper::ReadTopologyFile()
{
    if (m_topologyFile.empty())
    {
        throw std::invalid_argument(
            NameOf("Topology") + " = file needs " + NameOf("TopologyFile") +
            ": a topology in the module's format (see topologies/README.md) or a "
            "Kollaps .xml file");
    }
    const bool kollaps = m_topologyFile.size() > 4 &&
                         m_topologyFile.compare(m_topologyFile.size() - 4, 4, ".xml") == 0;
    if (kollaps)
    {
        KollapsOptions options;
        options.intraRegionRate = m_intraRegionRate;
        options.intraRegionDelay = m_intraRegionDelay;
        m_topology = KollapsReader::Read(m_topologyFile, options);
        m_crossTraffic.clear();
        return;
    }
    auto file = TopologyFileReader::Read(m_topologyFile);
    m_topology = std::move(file.topology);
    m_crossTraffic =
        m_crossTrafficOn ? std::move(file.crossTraffic) : std::vector<CrossTrafficFlow>{};
}

void
ExperimentHelper::MakeWorkload()
{
    const auto nodes = static_cast<uint32_t>(m_topology.hosts.size());
    if (m_dataset != "synthetic" && m_dataPath.empty())
    {
        throw std::invalid_argument(NameOf("Dataset") + " = " + m_dataset + " needs " +
                                    NameOf("DataPath") +
                                    ": the folder holding its files (e.g. cifar-10-batches-bin or "
                                    "ml-latest-small)");
    }
    if (m_dataset == "movielens")
    {
        if (m_model != "mf")
        {
            throw std::invalid_argument(NameOf("Dataset") + " = movielens needs " +
                                        NameOf("Model") + " = mf, not " + m_model);
        }
        MatrixFactorizationConfig config;
        config.batchSize = m_batchSize;
        config.learningRate = m_learningRate;
        config.biases = m_mfBiases;
        config.initSeed = m_seed;
        config.samplingSeed = m_seed;
        m_workload = MakeMovieLensWorkload(m_dataPath, nodes, config, m_seed, m_testSamples);
        return;
    }
    if (m_model == "mf")
    {
        throw std::invalid_argument(NameOf("Model") + " = mf needs " + NameOf("Dataset") +
                                    " = movielens; use mlp or gn-lenet for " + m_dataset);
    }
    ClassifierConfig config;
    config.model = m_model;
    config.mlpHidden = m_mlpHidden;
    config.batchSize = m_batchSize;
    config.learningRate = m_learningRate;
    config.initSeed = m_seed;
    config.samplingSeed = m_seed;
    try
    {
        m_workload =
            m_dataset == "cifar10"
                ? MakeCifar10Workload(m_dataPath, nodes, m_partition, config, m_seed, m_testSamples)
                : MakeSyntheticWorkload(nodes, m_partition, config, m_seed, m_testSamples);
    }
    catch (const std::invalid_argument& error)
    {
        throw std::invalid_argument(NameOf("Partition") + " = " + m_partition + ": " +
                                    error.what());
    }
}

void
ExperimentHelper::CheckApplicationKeys(TypeId application) const
{
    for (const auto& [name, value] : m_applicationValues)
    {
        TypeId::AttributeInformation info;
        if (!application.LookupAttributeByName(name, &info))
        {
            throw std::invalid_argument(NameOf(name) + " does not apply to " + NameOf("Algorithm") +
                                        " = " + m_algorithm +
                                        "; remove it or choose an algorithm that has it");
        }
    }
}

void
ExperimentHelper::Prepare()
{
    if (m_stage >= PREPARED)
    {
        return;
    }
    m_wallStart = WallNow();
    // Values set as Attributes directly have skipped the checks Set() makes.
    for (std::size_t i = 0; i < GetTypeId().GetAttributeN(); ++i)
    {
        const auto info = GetTypeId().GetAttribute(i);
        if (!DynamicCast<const StringChecker>(info.checker))
        {
            continue; // the Attribute's own checker held it to its type and range
        }
        StringValue value;
        GetAttribute(info.name, value);
        const std::string problem = CheckText(info.name, value.Get());
        if (!problem.empty())
        {
            throw std::invalid_argument(NameOf(info.name) + " = '" + value.Get() + "': " + problem);
        }
    }
    const TypeId application = TypeId::LookupByName(AlgorithmTypeId(m_algorithm));
    CheckApplicationKeys(application);

    if (m_topologyGiven)
    {
        for (const char* network : {"Topology",
                                    "TopologyFile",
                                    "Nodes",
                                    "Rate",
                                    "Delay",
                                    "Stragglers",
                                    "StragglerRate",
                                    "StragglerRateMax"})
        {
            RefuseIgnored(network, "the network is given as an object (SetTopology)");
        }
        m_topology.Validate();
    }
    else
    {
        if (m_topologyKind == "file")
        {
            for (const char* star :
                 {"Nodes", "Rate", "Delay", "Stragglers", "StragglerRate", "StragglerRateMax"})
            {
                RefuseIgnored(star,
                              NameOf("Topology") + " = file (the file describes the "
                                                   "network)");
            }
            ReadTopologyFile();
        }
        else
        {
            if (!m_topologyFile.empty())
            {
                throw std::invalid_argument(
                    NameOf("TopologyFile") + " = " + m_topologyFile + " is set but " +
                    NameOf("Topology") + " = star: set " + NameOf("Topology") +
                    " = file to use the file, or remove " + NameOf("TopologyFile"));
            }
            m_topology = MakeStar();
        }
    }
    const bool kollaps = !m_topologyGiven && m_topologyKind == "file" &&
                         m_topologyFile.size() > 4 &&
                         m_topologyFile.compare(m_topologyFile.size() - 4, 4, ".xml") == 0;
    if (!kollaps)
    {
        RefuseIgnored("IntraRegionRate", "the network is not read from a Kollaps .xml file");
        RefuseIgnored("IntraRegionDelay", "the network is not read from a Kollaps .xml file");
    }
    try
    {
        m_islands = static_cast<uint32_t>(m_topology.Islands().size());
        if (!m_allowIslands)
        {
            m_topology.CheckConnected(NameOf("AllowIslands"));
        }
    }
    catch (const std::invalid_argument& error)
    {
        const bool read = !m_topologyGiven && m_topologyKind == "file";
        throw std::invalid_argument((read ? m_topologyFile + ": " : std::string()) + error.what());
    }
    if (m_islands > 1 && DistributedRun::GetRank() == 0)
    {
        std::cerr << "note: the network is " << m_islands << " islands; each learns apart "
                  << "and sends between them count as unreachable (" << NameOf("AllowIslands")
                  << " = true)" << std::endl;
    }
    if (m_topologyGiven || m_topologyKind != "file" || kollaps)
    {
        RefuseIgnored("CrossTraffic",
                      "the network is not read from a topology file with "
                      "traffic lines");
    }
    if (!m_congestionTraces)
    {
        RefuseIgnored("TraceInterval", NameOf("CongestionTraces") + " = false");
    }
    if (m_workloadGiven)
    {
        for (const char* workload : {"Dataset",
                                     "DataPath",
                                     "Partition",
                                     "Model",
                                     "MlpHidden",
                                     "MfBiases",
                                     "BatchSize",
                                     "LearningRate",
                                     "TestSamples"})
        {
            RefuseIgnored(workload, "the workload is given as an object (SetWorkload)");
        }
    }
    else
    {
        if (m_dataset == "synthetic")
        {
            RefuseIgnored("DataPath", NameOf("Dataset") + " = synthetic reads no files");
        }
        if (m_model != "mf")
        {
            RefuseIgnored("MfBiases", NameOf("Model") + " = " + m_model + " (it applies to mf)");
        }
        if (m_model != "mlp")
        {
            RefuseIgnored("MlpHidden", NameOf("Model") + " = " + m_model + " (it applies to mlp)");
        }
        if (m_dataset == "movielens")
        {
            RefuseIgnored("Partition", "MovieLens spreads users over the nodes");
        }
    }
    m_network = NetworkOptions();
    m_network.Set("queueDisc", m_queueDisc);
    if (!m_queueSize.empty())
    {
        m_network.Set("queueSize", m_queueSize);
    }
    m_network.Set("tcpVariant", m_tcpVariant);
    m_network.mtu = m_mtu;
    m_network.errorRate = m_errorRate;

    const auto nodes = static_cast<uint32_t>(m_topology.hosts.size());
    if (nodes < 2)
    {
        throw std::invalid_argument("the network has " + std::to_string(nodes) +
                                    " learning nodes; decentralized learning needs at least 2");
    }
    auto events = m_topology.events;
    for (auto* more : {&m_crashes, &m_events})
    {
        const auto name = NameOf(more == &m_crashes ? "Crashes" : "Events");
        auto parsed =
            more == &m_crashes ? ParseCrashes(*more, name) : NetworkEvent::ParseList(*more, name);
        events.insert(events.end(), parsed.begin(), parsed.end());
    }
    if (!m_eventsFile.empty())
    {
        auto parsed = NetworkEvent::ReadFile(m_eventsFile);
        events.insert(events.end(), parsed.begin(), parsed.end());
    }
    if (m_churnRate > 0)
    {
        auto churn = NetworkEvent::MakeChurn(nodes,
                                             m_churnRate,
                                             m_churnDowntime,
                                             Seconds(m_duration),
                                             m_seed,
                                             NameOf("ChurnRate"));
        events.insert(events.end(), churn.begin(), churn.end());
    }
    else
    {
        RefuseIgnored("ChurnDowntime", NameOf("ChurnRate") + " = 0");
    }
    m_networkEvents = ResolveNetworkEvents(events, m_topology, Seconds(m_duration));
    if (!m_networkEvents.notReached.empty() && DistributedRun::GetRank() == 0)
    {
        std::cerr << "note: " << DescribeNotReached(m_networkEvents.notReached) << std::endl;
    }
    for (const auto& event : m_networkEvents.inRun)
    {
        if ((m_algorithm == "dpsgd" || m_algorithm == "el") &&
            (event.IsNodeEvent() || event.action == NetworkEvent::LINK_DOWN))
        {
            throw std::invalid_argument(event.origin + ": " +
                                        NetworkEvent::ActionName(event.action) + " with " +
                                        NameOf("Algorithm") + " = " + m_algorithm +
                                        ": its rounds wait for every neighbour, so a node or "
                                        "link that goes away would stop the run; use an "
                                        "asynchronous algorithm");
        }
    }
    m_pcapHosts.clear();
    if (!m_pcap.empty())
    {
        try
        {
            m_pcapHosts = PacketCapture::Select(m_pcap, m_topology);
        }
        catch (const std::invalid_argument& error)
        {
            throw std::invalid_argument(NameOf("Pcap") + " = '" + m_pcap + "': " + error.what() +
                                        "; write all, or nodes separated by ','");
        }
    }
    if (m_netAnim > 0 && !NetworkAnimation::Unavailable().empty())
    {
        throw std::invalid_argument(NameOf("NetAnim") + " = " + Get("NetAnim") + ": " +
                                    NetworkAnimation::Unavailable());
    }
    const auto animated = nodes + m_topology.routers.size() + m_topology.endpoints.size();
    if (m_netAnim > 0 && animated > NetworkAnimation::MAX_NODES)
    {
        throw std::invalid_argument(NameOf("NetAnim") + " = " + Get("NetAnim") +
                                    ": the network has " + std::to_string(animated) +
                                    " nodes, more than NetAnim can show (" +
                                    std::to_string(NetworkAnimation::MAX_NODES) +
                                    "); animate a smaller network or set it to 0");
    }
    if (m_netAnim > m_duration)
    {
        throw std::invalid_argument(NameOf("NetAnim") + " = " + Get("NetAnim") +
                                    " s exceeds the run's " + NameOf("Duration") + " (" +
                                    Get("Duration") + " s); lower it");
    }
    if (m_output.empty())
    {
        RefuseIgnored("Pcap", NameOf("OutputDirectory") + " is empty: nowhere to write");
        RefuseIgnored("NetAnim", NameOf("OutputDirectory") + " is empty: nowhere to write");
    }
    if (m_evaluationNodes > nodes)
    {
        throw std::invalid_argument(NameOf("EvaluationNodes") + " = " +
                                    std::to_string(m_evaluationNodes) + " exceeds the " +
                                    std::to_string(nodes) +
                                    " learning nodes: lower it (0 evaluates all)");
    }
    if (!m_workloadGiven)
    {
        MakeWorkload();
    }
    if (!m_workload)
    {
        throw std::invalid_argument(
            "no workload: set one with SetWorkload or leave the workload attributes");
    }
    if (m_workload->GetNodeCount() != nodes)
    {
        throw std::invalid_argument("the network has " + std::to_string(nodes) +
                                    " learning nodes but the workload is partitioned for " +
                                    std::to_string(m_workload->GetNodeCount()));
    }

    // The applications' own limits, on one application made as the run will make them.
    ObjectFactory factory(application.GetName());
    for (const auto& [name, value] : m_applicationValues)
    {
        factory.Set(name, StringValue(value));
    }
    auto prototype = factory.Create<DecentralizedLearningApplication>();
    std::string problem =
        prototype->CheckConfiguration(nodes, m_workload->CreateLearner(0)->GetParameterCount());
    prototype->Dispose();
    if (!problem.empty())
    {
        // Messages start with the attribute's name: say it as the user did.
        const auto end = problem.find_first_of(" :");
        throw std::invalid_argument(NameOf(problem.substr(0, end)) + problem.substr(end));
    }
    if (DistributedRun::GetRanks() > 1)
    {
        RefuseDistributed();
        g_distributedStudy = true;
    }
    m_ranks = TopologyPartition::Make(m_topology, DistributedRun::GetRanks());
    m_stage = PREPARED;
}

void
ExperimentHelper::RefuseDistributed() const
{
    const std::string needs = " needs one process, and this is a distributed run of " +
                              std::to_string(DistributedRun::GetRanks()) +
                              " ranks: run it without mpirun, or remove ";
    if (g_distributedStudy)
    {
        // ns-3's MPI interface frees its buffers in Simulator::Destroy, for good.
        throw std::invalid_argument(
            "a distributed run does one study per process, and this program does several: run "
            "each study with its own mpirun (e.g. divshare-quickstart --algorithm=NAME)");
    }
    for (const auto* list : {&m_networkEvents.inRun, &m_networkEvents.notReached})
    {
        if (!list->empty())
        {
            throw std::invalid_argument(list->front().origin + ": a network event" + needs +
                                        "the events");
        }
    }
    for (const auto& host : m_topology.hosts)
    {
        if (host.jitter.IsStrictlyPositive() || host.back)
        {
            throw std::invalid_argument("host " + host.name + ": jitter or per-direction delays" +
                                        needs + "them from the network");
        }
    }
    for (const auto& link : m_topology.links)
    {
        if (link.jitter.IsStrictlyPositive() || link.back)
        {
            throw std::invalid_argument(
                "link " + m_topology.routers[link.a] + " - " + m_topology.routers[link.b] +
                ": jitter or per-direction delays" + needs + "them from the network");
        }
    }
    if (!m_crossTraffic.empty())
    {
        throw std::invalid_argument(
            "cross traffic (" + m_crossTraffic.front().from + " to " + m_crossTraffic.front().to +
            ")" + needs + "the traffic lines or set " + NameOf("CrossTraffic") + " = false");
    }
    for (const auto& [attribute, used] : {std::make_pair("Pcap", !m_pcapHosts.empty()),
                                          std::make_pair("NetAnim", m_netAnim > 0),
                                          std::make_pair("CongestionTraces", m_congestionTraces)})
    {
        if (used)
        {
            throw std::invalid_argument(NameOf(attribute) + " = " + Get(attribute) + needs +
                                        NameOf(attribute));
        }
    }
}

void
ExperimentHelper::BuildNetwork()
{
    Prepare();
    if (m_stage >= BUILT)
    {
        return;
    }
    RngSeedManager::SetSeed(m_seed);
    RngSeedManager::SetRun(1);
    // The MTU caps the segment size.
    Config::SetDefault("ns3::TcpSocket::SegmentSize",
                       UintegerValue(std::min(m_tcpSegmentSize, m_network.MaxSegmentSize())));
    m_network.ApplyDefaults();
    // Addresses are reused run after run in one process (tests, sweeps).
    Ipv4AddressGenerator::Reset();
    TopologyHelper topology;
    topology.SetPartition(m_ranks);
    m_installed = topology.Install(m_topology, m_network);
    m_stage = BUILT;
}

void
ExperimentHelper::InstallApplications()
{
    BuildNetwork();
    if (m_stage >= INSTALLED)
    {
        return;
    }
    DecentralizedLearningHelper helper(AlgorithmTypeId(m_algorithm));
    helper.SetAttribute("Seed", UintegerValue(m_seed));
    for (const auto& [name, value] : m_applicationValues)
    {
        helper.SetAttribute(name, StringValue(value));
    }
    for (const auto& [name, value] : m_transportValues)
    {
        helper.SetTransportAttribute(name, StringValue(value));
    }
    m_localHosts.clear();
    for (uint32_t i = 0; i < m_ranks.hostRank.size(); ++i)
    {
        if (m_ranks.hostRank[i] == DistributedRun::GetRank())
        {
            m_localHosts.push_back(i);
        }
    }
    m_apps = helper.Install(m_installed.hosts, m_installed.addresses, *m_workload, m_localHosts);
    DecentralizedLearningHelper::AssignStreams(m_apps, 0, m_localHosts);
    const Time stop = Seconds(m_duration);
    m_apps.Start(Seconds(0));
    m_apps.Stop(stop);
    CrossTrafficHelper().Install(m_crossTraffic, m_topology, m_installed, stop);
    if (m_congestionTraces)
    {
        m_tracer =
            std::make_unique<CongestionTracer>(m_topology, m_installed, Seconds(m_traceInterval));
        m_tracer->WatchApplications(m_apps);
        m_tracer->Start(stop);
    }
    m_dynamics = std::make_unique<NetworkDynamics>(m_installed, m_apps);
    m_dynamics->SetMembershipDelay(m_membershipDelay);
    m_dynamics->Schedule(m_networkEvents);
    m_monitor = std::make_unique<LearningMonitor>(m_apps,
                                                  m_localHosts,
                                                  m_installed.hosts.GetN(),
                                                  Seconds(m_evaluationInterval));
    m_monitor->SetNodeSample(m_evaluationNodes);
    if (m_progress)
    {
        m_progressLine = std::make_unique<ProgressLine>(stop);
        m_progressLine->Start();
    }
    m_monitor->SetProgress(m_progressLine.get());
    m_monitor->SetTarget(m_target, !m_workload->HasAccuracy());
    m_monitor->Start(stop);
    if (!m_pcapHosts.empty())
    {
        m_capture = std::make_unique<PacketCapture>(m_output + "/pcap",
                                                    m_pcapHosts,
                                                    m_topology,
                                                    m_installed,
                                                    m_apps);
    }
    if (m_netAnim > 0)
    {
        m_animation = std::make_unique<NetworkAnimation>(m_output + "/netanim.xml",
                                                         Seconds(m_netAnim),
                                                         m_topology,
                                                         m_installed,
                                                         m_apps);
    }
    m_stage = INSTALLED;
}

ExperimentResult
ExperimentHelper::Run()
{
    InstallApplications();
    if (m_stage >= RAN)
    {
        return m_result;
    }
    const double waitedBefore = LearningWorkerPool::Get().GetWaitSeconds();
    Simulator::Stop(Seconds(m_duration));
    Simulator::Run();
    m_monitor->EvaluateNow();
    if (m_progressLine)
    {
        m_progressLine->Finish();
    }
    m_animation.reset(); // closes its file
    m_learningWait = LearningWorkerPool::Get().GetWaitSeconds() - waitedBefore;
    if (m_tracer)
    {
        m_tracer->Finish();
    }
    m_monitor->Gather();
    m_traffic = DistributedRun::GatherValues(NodeTraffic::Collect(m_apps, m_localHosts));
    m_eventCount = 0;
    for (const auto events :
         DistributedRun::GatherValues(std::vector<uint64_t>{Simulator::GetEventCount()}))
    {
        m_eventCount += events;
    }
    m_stage = RAN;
    ExperimentResult& result = m_result;
    result = ExperimentResult();
    result.wallSeconds = WallNow() - m_wallStart;
    if (DistributedRun::GetRank() != 0)
    {
        return m_result; // rank 0 has the records
    }
    const auto& last = m_monitor->GetLastMean();
    result.finalMeanAccuracy = last.accuracy;
    result.finalMeanLoss = last.loss;
    result.finalMeanIteration = last.iteration;
    result.finalEvaluatedNodes = last.evaluatedNodes;
    result.finalConsensusDistance = last.consensusDistance;
    for (const auto& r : m_monitor->GetRecords())
    {
        if (r.node < 0)
        {
            result.initialConsensusDistance = r.consensusDistance;
            break;
        }
    }
    result.timeToTarget = m_monitor->GetTimeToTarget();
    result.divergedNodes = m_monitor->GetDivergedCount();
    if (result.divergedNodes > 0)
    {
        std::cerr << "warning: " << result.divergedNodes << " of "
                  << m_monitor->GetEvaluatedNodes().size()
                  << " evaluated models diverged (loss nan or inf at the end); lower "
                  << NameOf("LearningRate") << std::endl;
    }
    for (const auto& row : m_traffic)
    {
        result.bytesSent += row.counters.bytesSent;
        result.fragmentsSent += row.counters.messagesSent;
        result.fragmentsFlushed += row.counters.messagesFlushed;
        result.fragmentsMalformed += row.counters.messagesMalformed;
    }
    return m_result;
}

void
ExperimentHelper::WriteResults() const
{
    if (m_stage < RAN)
    {
        throw std::logic_error("ExperimentHelper::WriteResults: call Run() first");
    }
    if (m_output.empty() || DistributedRun::GetRank() != 0)
    {
        return;
    }
    RunDescription run;
    run.name = m_name;
    run.algorithm = m_algorithm;
    run.workload = m_workload->GetName();
    run.nodes = m_installed.hosts.GetN();
    run.seed = m_seed;
    run.simulatedSeconds = m_duration;
    run.wallSeconds = m_result.wallSeconds;
    run.learningWaitSeconds = m_learningWait;
    run.events = m_eventCount;
    run.workers = LearningWorkerPool::Get().GetWorkers();
    run.workerThreads = LearningWorkerPool::Get().GetThreadsPerWorker();
    run.hasAccuracy = m_workload->HasAccuracy();
    run.ranks = DistributedRun::GetRanks();
    run.networkEventsNotReached = static_cast<uint32_t>(m_networkEvents.notReached.size());
    run.islands = m_islands;
    ResultsWriter writer(m_output);
    writer.Write(run, *m_monitor, m_traffic);
    writer.WriteMembership(m_dynamics->GetMembership());
    if (m_tracer)
    {
        m_tracer->Write(m_output);
    }
    if (m_capture)
    {
        m_capture->Write();
    }
}

std::string
ExperimentResult::Final(double value) const
{
    if (finalEvaluatedNodes == 0)
    {
        return "none (no node was left to evaluate at the end)";
    }
    std::ostringstream text;
    text << value;
    return text.str();
}

ExperimentResult
ExperimentHelper::RunAll()
{
    Run();
    WriteResults();
    Simulator::Destroy();
    return m_result;
}

const NetworkTopology&
ExperimentHelper::GetTopology() const
{
    return m_topology;
}

const std::vector<CrossTrafficFlow>&
ExperimentHelper::GetCrossTraffic() const
{
    return m_crossTraffic;
}

std::shared_ptr<const Workload>
ExperimentHelper::GetWorkload() const
{
    return m_workload;
}

const NetworkOptions&
ExperimentHelper::GetNetworkOptions() const
{
    return m_network;
}

const InstalledTopology&
ExperimentHelper::GetNetwork() const
{
    return m_installed;
}

const ApplicationContainer&
ExperimentHelper::GetApplications() const
{
    return m_apps;
}

LearningMonitor&
ExperimentHelper::GetMonitor() const
{
    NS_ABORT_MSG_IF(!m_monitor, "ExperimentHelper: call InstallApplications() first");
    return *m_monitor;
}

CongestionTracer*
ExperimentHelper::GetCongestionTracer() const
{
    return m_tracer.get();
}

const ExperimentResult&
ExperimentHelper::GetResult() const
{
    return m_result;
}

} // namespace ns3
