/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "experiment-helper.h"

#include "../common/attribute-check.h"
#include "../common/name-list.h"
#include "../common/topology-units.h"
#include "experiment-setting.h"

#include "ns3/config.h"
#include "ns3/decentralized-learning-application.h"
#include "ns3/decentralized-learning-helper.h"
#include "ns3/distributed-run.h"
#include "ns3/double.h"
#include "ns3/global-value.h"
#include "ns3/log.h"
#include "ns3/model-transport.h"
#include "ns3/object-factory.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/scheduler.h"
#include "ns3/simulator-impl.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <chrono>
#include <iostream>
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

double
WallNow()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/** A study of this process has been prepared for a distributed run. */
bool g_distributedStudy = false;

/** The largest seed ns-3's generator (MRG32k3a) takes: its modulus m2 minus one. */
constexpr uint32_t MAX_SEED = 4294944442U;

/**
 * ns-3's own globals, which any CommandLine takes (--RngSeed, --SimulatorImplementationType,
 * --SchedulerType): values ns-3 would abort on once objects are made are refused here.
 * \throws std::invalid_argument naming the global, its value and what it takes
 */
void
CheckSimulatorGlobals()
{
    UintegerValue seed;
    GlobalValue::GetValueByName("RngSeed", seed);
    if (seed.Get() == 0 || seed.Get() > MAX_SEED)
    {
        throw std::invalid_argument("RngSeed = " + std::to_string(seed.Get()) +
                                    ": ns-3's generator takes 1.." + std::to_string(MAX_SEED) +
                                    "; the study's seed sets it (seed, --seed)");
    }
    for (const auto& [global, base] :
         {std::make_pair("SimulatorImplementationType", SimulatorImpl::GetTypeId()),
          std::make_pair("SchedulerType", Scheduler::GetTypeId())})
    {
        StringValue type;
        GlobalValue::GetValueByName(global, type);
        TypeId tid;
        if (!TypeId::LookupByNameFailSafe(type.Get(), &tid) || !tid.IsChildOf(base))
        {
            throw std::invalid_argument(
                std::string(global) + " = " + type.Get() + ": not an ns-3 " + base.GetName() +
                " (e.g. ns3::" +
                (base == Scheduler::GetTypeId() ? "MapScheduler" : "DefaultSimulatorImpl") + ")");
        }
    }
}

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
                          MakeUtf8Checker())
            .AddAttribute("Algorithm",
                          "Decentralized learning algorithm: " + JoinNames(GetAlgorithms()) + ".",
                          StringValue("divshare"),
                          MakeStringAccessor(&ExperimentHelper::m_algorithm),
                          MakeChoiceChecker(GetAlgorithms()))
            .AddAttribute("Seed",
                          "Seed of everything random: data split, models, peers, ns-3 streams.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&ExperimentHelper::m_seed),
                          MakeUintegerChecker<uint32_t>(1, MAX_SEED))
            .AddAttribute("Duration",
                          "Simulated seconds to run.",
                          DoubleValue(60),
                          MakeDoubleAccessor(&ExperimentHelper::m_duration),
                          MakeDoubleChecker<double>(1e-3, MAX_SIMULATED_SECONDS))
            .AddAttribute("OutputDirectory",
                          "Folder for the result files (empty: none written).",
                          StringValue("results/divshare"),
                          MakeStringAccessor(&ExperimentHelper::m_output),
                          MakeStringChecker());
    return tid;
}

ExperimentHelper::ExperimentHelper()
{
    NS_LOG_FUNCTION(this);
    for (const auto& type : GetComponentTypes())
    {
        m_components.push_back(ObjectFactory(type.GetName()).Create<ExperimentComponent>());
    }
}

ExperimentHelper::~ExperimentHelper()
{
    NS_LOG_FUNCTION(this);
}

void
ExperimentHelper::DoDispose()
{
    for (auto& component : m_components)
    {
        component->Dispose();
    }
    m_components.clear();
    m_context = ExperimentContext();
    Object::DoDispose();
}

const std::vector<TypeId>&
ExperimentHelper::GetComponentTypes()
{
    // The order they are called in; a new component is a line here.
    static const std::vector<TypeId> types{NetworkComponent::GetTypeId(),
                                           TraceComponent::GetTypeId(),
                                           DynamicsComponent::GetTypeId(),
                                           EvaluationComponent::GetTypeId(),
                                           WorkloadComponent::GetTypeId()};
    return types;
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

Ptr<ExperimentHelper>
ExperimentHelper::Clone() const
{
    auto clone = CreateObject<ExperimentHelper>();
    CopyAttributes(*this, *clone);
    for (std::size_t i = 0; i < m_components.size(); ++i)
    {
        clone->m_components[i]->CopyFrom(*m_components[i]);
    }
    clone->m_naming = m_naming;
    clone->m_applicationValues = m_applicationValues;
    clone->m_transportValues = m_transportValues;
    clone->m_given = m_given;
    return clone;
}

void
ExperimentHelper::SetNaming(Naming naming)
{
    m_naming = std::move(naming);
}

std::string
ExperimentHelper::NameOf(const std::string& attribute) const
{
    return m_naming ? m_naming(attribute) : attribute;
}

std::string
ExperimentHelper::CheckValue(const std::string& name, const std::string& value)
{
    std::string normalized;
    return ExperimentSetting::Locate(name).Normalize(value, normalized);
}

Ptr<ExperimentComponent>
ExperimentHelper::ComponentOf(TypeId type) const
{
    for (const auto& component : m_components)
    {
        if (component->GetInstanceTypeId() == type)
        {
            return component;
        }
    }
    return nullptr;
}

void
ExperimentHelper::Set(const std::string& name, const std::string& value)
{
    SetDefault(name, value);
    m_given.insert(name);
}

void
ExperimentHelper::DropSettingsOfOtherAlgorithms()
{
    for (auto it = m_applicationValues.begin(); it != m_applicationValues.end();)
    {
        it = AppliesToAlgorithm(it->first) ? std::next(it) : m_applicationValues.erase(it);
    }
}

bool
ExperimentHelper::AppliesToAlgorithm(const std::string& name) const
{
    if (ExperimentSetting::Locate(name).owner != ExperimentSetting::APPLICATION)
    {
        return true;
    }
    TypeId::AttributeInformation info;
    return TypeId::LookupByName(AlgorithmTypeId(m_algorithm)).LookupAttributeByName(name, &info);
}

void
ExperimentHelper::SetDefault(const std::string& name, const std::string& value)
{
    const auto setting = ExperimentSetting::Locate(name);
    std::string normalized;
    const std::string problem = setting.Normalize(value, normalized);
    if (!problem.empty())
    {
        throw std::invalid_argument(NameOf(name) + " = '" + value + "': " + problem);
    }
    switch (setting.owner)
    {
    case ExperimentSetting::STUDY:
        if (auto component = ComponentOf(setting.type))
        {
            component->SetAttribute(name, StringValue(normalized));
        }
        else
        {
            SetAttribute(name, StringValue(normalized));
        }
        break;
    case ExperimentSetting::APPLICATION:
        m_applicationValues[name] = normalized;
        break;
    case ExperimentSetting::TRANSPORT:
        m_transportValues[name] = normalized;
        break;
    case ExperimentSetting::GLOBAL:
        GlobalValue::Bind(name, StringValue(normalized));
        break;
    case ExperimentSetting::NONE:
        break;
    }
}

std::string
ExperimentHelper::Get(const std::string& name) const
{
    const auto setting = ExperimentSetting::Locate(name);
    switch (setting.owner)
    {
    case ExperimentSetting::STUDY: {
        Ptr<AttributeValue> value = setting.checker->Create();
        if (auto component = ComponentOf(setting.type))
        {
            component->GetAttribute(name, *value);
        }
        else
        {
            GetAttribute(name, *value);
        }
        return AttributeText(setting.checker, *value);
    }
    case ExperimentSetting::APPLICATION:
    case ExperimentSetting::TRANSPORT: {
        const auto& given = setting.owner == ExperimentSetting::APPLICATION ? m_applicationValues
                                                                            : m_transportValues;
        const auto it = given.find(name);
        if (it != given.end())
        {
            return it->second;
        }
        break;
    }
    case ExperimentSetting::GLOBAL:
        break;
    case ExperimentSetting::NONE:
        throw std::invalid_argument("unknown setting " + name);
    }
    return AttributeText(setting.checker, *setting.initial);
}

std::pair<std::string, std::string>
ExperimentHelper::DescribeSetting(const std::string& name)
{
    const auto setting = ExperimentSetting::Locate(name);
    if (setting.owner == ExperimentSetting::NONE)
    {
        throw std::invalid_argument("unknown setting " + name);
    }
    return {setting.help, AttributeText(setting.checker, *setting.initial)};
}

void
ExperimentHelper::SetApplicationAttribute(const std::string& name, const std::string& value)
{
    if (ExperimentSetting::Locate(name).owner != ExperimentSetting::APPLICATION)
    {
        throw std::invalid_argument("no algorithm has an attribute " + name);
    }
    Set(name, value);
}

void
ExperimentHelper::SetTransportAttribute(const std::string& name, const std::string& value)
{
    if (ExperimentSetting::Locate(name).owner != ExperimentSetting::TRANSPORT)
    {
        throw std::invalid_argument("ns3::ModelTransport has no attribute " + name);
    }
    Set(name, value);
}

void
ExperimentHelper::SetTopology(const NetworkTopology& topology,
                              const std::vector<CrossTrafficFlow>& crossTraffic)
{
    GetComponent<NetworkComponent>()->SetTopology(topology, crossTraffic);
}

void
ExperimentHelper::SetWorkload(std::shared_ptr<Workload> workload)
{
    GetComponent<WorkloadComponent>()->SetWorkload(std::move(workload));
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

std::string
ExperimentHelper::Word(const std::string& text) const
{
    return SettingError::Word(text, [this](const std::string& name) {
        return ExperimentSetting::Locate(name).owner == ExperimentSetting::NONE ? std::string()
                                                                                : NameOf(name);
    });
}

void
ExperimentHelper::Prepare()
{
    if (m_stage >= PREPARED)
    {
        return;
    }
    m_wallStart = WallNow();
    try
    {
        Configure();
    }
    catch (const SettingError& error)
    {
        throw std::invalid_argument(Word(error.GetText()));
    }
    catch (const std::invalid_argument& error)
    {
        throw std::invalid_argument(Word(error.what()));
    }
    if (DistributedRun::GetRank() == 0)
    {
        for (const auto& note : m_context.notes)
        {
            std::cerr << "note: " << Word(note) << std::endl;
        }
        // Found now, not after the run: its results would be lost.
        try
        {
            if (!m_output.empty())
            {
                ResultsWriter::Probe(m_output);
            }
        }
        catch (const std::runtime_error& error)
        {
            throw std::invalid_argument(NameOf("OutputDirectory") + " = " + m_output + ": " +
                                        error.what());
        }
    }
    m_stage = PREPARED;
}

void
ExperimentHelper::Configure()
{
    CheckSimulatorGlobals();
    m_context = ExperimentContext();
    m_context.algorithm = m_algorithm;
    m_context.seed = m_seed;
    m_context.stop = Seconds(m_duration);
    m_context.output = m_output;
    m_context.given = m_given;
    const TypeId application = TypeId::LookupByName(AlgorithmTypeId(m_algorithm));
    CheckApplicationKeys(application);
    // One application made as the run will make them, for the algorithm's traits and limits.
    ObjectFactory factory(application.GetName());
    for (const auto& [name, value] : m_applicationValues)
    {
        factory.Set(name, StringValue(value));
    }
    auto prototype = factory.Create<DecentralizedLearningApplication>();
    m_context.synchronous = prototype->WaitsForNeighbours();
    for (auto& component : m_components)
    {
        component->Configure(m_context);
    }
    const std::string problem =
        prototype->CheckConfiguration(m_context.GetNodeCount(),
                                      m_context.workload->CreateLearner(0)->GetParameterCount());
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
    m_context.ranks = TopologyPartition::Make(m_context.topology, DistributedRun::GetRanks());
}

void
ExperimentHelper::RefuseDistributed() const
{
    if (g_distributedStudy)
    {
        // ns-3's MPI interface frees its buffers in Simulator::Destroy, for good.
        throw std::invalid_argument(
            "a distributed run does one study per process, and this program does several: run "
            "each study with its own mpirun (e.g. divshare-quickstart --algorithm=NAME)");
    }
    const std::string needs = " needs one process, and this is a distributed run of " +
                              std::to_string(DistributedRun::GetRanks()) +
                              " ranks: run it without mpirun, or remove ";
    for (const auto& component : m_components)
    {
        component->RefuseDistributed(m_context, needs);
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
    GetComponent<NetworkComponent>()->Build(m_context);
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
    auto& context = m_context;
    context.localHosts.clear();
    for (uint32_t i = 0; i < context.ranks.hostRank.size(); ++i)
    {
        if (context.ranks.hostRank[i] == DistributedRun::GetRank())
        {
            context.localHosts.push_back(i);
        }
    }
    context.apps = helper.Install(context.installed.hosts,
                                  context.installed.addresses,
                                  *context.workload,
                                  context.localHosts);
    DecentralizedLearningHelper::AssignStreams(context.apps, 0, context.localHosts);
    context.apps.Start(Seconds(0));
    context.apps.Stop(context.stop);
    for (auto& component : m_components)
    {
        component->Install(context);
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
    Simulator::Stop(m_context.stop);
    Simulator::Run();
    for (auto& component : m_components)
    {
        component->Finish(m_context);
    }
    m_learningWait = LearningWorkerPool::Get().GetWaitSeconds() - waitedBefore;
    m_traffic =
        DistributedRun::GatherValues(NodeTraffic::Collect(m_context.apps, m_context.localHosts));
    m_eventCount = 0;
    for (const auto events :
         DistributedRun::GatherValues(std::vector<uint64_t>{Simulator::GetEventCount()}))
    {
        m_eventCount += events;
    }
    m_stage = RAN;
    m_result = ExperimentResult();
    if (DistributedRun::GetRank() != 0)
    {
        m_result.wallSeconds = WallNow() - m_wallStart;
        return m_result; // rank 0 has the records
    }
    m_result = ExperimentResult::Compute(GetMonitor(), m_traffic, WallNow() - m_wallStart);
    if (m_result.divergedNodes > 0)
    {
        std::cerr << "warning: " << m_result.divergedNodes << " of "
                  << GetMonitor().GetEvaluatedNodes().size()
                  << " evaluated models diverged (loss nan or inf at the end); lower "
                  << NameOf("LearningRate") << std::endl;
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
    run.workload = m_context.workload->GetName();
    run.nodes = m_context.installed.hosts.GetN();
    run.seed = m_seed;
    run.simulatedSeconds = m_duration;
    run.wallSeconds = m_result.wallSeconds;
    run.learningWaitSeconds = m_learningWait;
    run.events = m_eventCount;
    run.workers = LearningWorkerPool::Get().GetWorkers();
    run.workerThreads = LearningWorkerPool::Get().GetThreadsPerWorker();
    run.hasAccuracy = m_context.workload->HasAccuracy();
    run.ranks = DistributedRun::GetRanks();
    for (const auto& component : m_components)
    {
        component->Describe(run);
    }
    ResultsWriter(m_output).Write(run, m_result, GetMonitor(), m_traffic);
    for (const auto& component : m_components)
    {
        component->Write(m_context);
    }
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
    return m_context.topology;
}

const std::vector<CrossTrafficFlow>&
ExperimentHelper::GetCrossTraffic() const
{
    return m_context.crossTraffic;
}

std::shared_ptr<const Workload>
ExperimentHelper::GetWorkload() const
{
    return m_context.workload;
}

const InstalledTopology&
ExperimentHelper::GetNetwork() const
{
    return m_context.installed;
}

const ApplicationContainer&
ExperimentHelper::GetApplications() const
{
    return m_context.apps;
}

LearningMonitor&
ExperimentHelper::GetMonitor() const
{
    auto* monitor = GetComponent<EvaluationComponent>()->GetMonitor();
    NS_ABORT_MSG_IF(!monitor, "ExperimentHelper: call InstallApplications() first");
    return *monitor;
}

const ExperimentResult&
ExperimentHelper::GetResult() const
{
    return m_result;
}

} // namespace ns3
