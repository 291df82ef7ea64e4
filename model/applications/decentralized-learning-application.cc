/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "decentralized-learning-application.h"

#include "ns3/double.h"
#include "ns3/global-value.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <chrono>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DecentralizedLearningApplication");

NS_OBJECT_ENSURE_REGISTERED(DecentralizedLearningApplication);

namespace
{

constexpr uint32_t MAX_WORKERS = 1024;
constexpr uint32_t MAX_WORKER_THREADS = 256;

GlobalValue g_workers("DivShareWorkers",
                      "Threads that run LibTorch training and evaluation beside the simulator "
                      "(0: one per hardware core but one, which the simulator's thread keeps; "
                      "at least 1). Results do not depend on it.",
                      UintegerValue(0),
                      MakeUintegerChecker<uint32_t>(0, MAX_WORKERS));
GlobalValue g_workerThreads("DivShareWorkerThreads",
                            "LibTorch threads of each worker (0: one per hardware core). "
                            "LibTorch's results change with it: fixed, they do not depend on the "
                            "machine.",
                            UintegerValue(1),
                            MakeUintegerChecker<uint32_t>(0, MAX_WORKER_THREADS));

/**
 * \return why \p variable cannot be a compute time, from what its attributes bound, or an
 * empty string: it can draw a negative duration; it only ever draws 0 (no iteration would
 * advance the simulated time: the run would never end); or its draws pass what ns-3's Time
 * holds. Drawing samples would advance the stream and change the run.
 */
std::string
CheckComputeTime(Ptr<RandomVariableStream> variable)
{
    if (!variable)
    {
        return "no random variable; give one, e.g. ns3::ConstantRandomVariable[Constant=1]";
    }
    const std::string type = variable->GetInstanceTypeId().GetName();
    DoubleValue value;
    for (const char* lowest : {"Constant", "Min"})
    {
        if (variable->GetAttributeFailSafe(lowest, value) && value.Get() < 0)
        {
            return type + " with " + lowest + " = " + std::to_string(value.Get()) +
                   " draws negative durations; use a " + lowest + " of at least 0";
        }
    }
    // Constant, a uniform's Max, an exponential's or normal's Mean: what the draws center on
    // or stay below.
    for (const char* typical : {"Constant", "Max", "Mean"})
    {
        if (!variable->GetAttributeFailSafe(typical, value))
        {
            continue;
        }
        if (value.Get() == 0)
        {
            return type + " with " + typical +
                   " = 0 draws only 0 s: iterations would take no simulated time and the run "
                   "would never advance; give it a positive " +
                   typical;
        }
        if (value.Get() > Time::Max().GetSeconds())
        {
            std::ostringstream problem;
            problem << type << " with " << typical << " = " << value.Get()
                    << " passes what ns-3's Time holds (" << Time::Max().GetSeconds()
                    << " s); lower it";
            return problem.str();
        }
    }
    if (auto normal = DynamicCast<NormalRandomVariable>(variable))
    {
        DoubleValue bound;
        normal->GetAttribute("Bound", bound);
        if (normal->GetMean() - bound.Get() < 0)
        {
            return type + " with Mean = " + std::to_string(normal->GetMean()) +
                   " draws negative durations; set Bound (values beyond Mean +- Bound are "
                   "drawn again) to at most Mean";
        }
    }
    return "";
}

uint32_t
Cores()
{
    return std::max(1U, std::thread::hardware_concurrency());
}

} // namespace

void
ConfigureLearningWorkers()
{
    UintegerValue workers;
    UintegerValue threads;
    g_workers.GetValue(workers);
    g_workerThreads.GetValue(threads);
    // The simulator's thread is the limit once LibTorch runs beside it (it also runs jobs
    // when it has to wait for one): a worker on its core slows the whole run down. On 2
    // cores the reduced CIFAR-10 scenario took 426 s with 1 worker, 522 s with 2.
    const uint32_t count =
        workers.Get() == 0 ? std::max(1U, Cores() - 1) : static_cast<uint32_t>(workers.Get());
    LearningWorkerPool::Get().Configure(count,
                                        threads.Get() == 0 ? Cores()
                                                           : static_cast<uint32_t>(threads.Get()));
}

void
SetLearningWorkers(uint32_t workers, uint32_t threadsPerWorker)
{
    if (workers > MAX_WORKERS || threadsPerWorker > MAX_WORKER_THREADS)
    {
        throw std::invalid_argument("workers = " + std::to_string(workers) +
                                    ", threads = " + std::to_string(threadsPerWorker) +
                                    ": use at most " + std::to_string(MAX_WORKERS) +
                                    " workers of at most " + std::to_string(MAX_WORKER_THREADS) +
                                    " LibTorch threads (0: the default)");
    }
    g_workers.SetValue(UintegerValue(workers));
    g_workerThreads.SetValue(UintegerValue(threadsPerWorker));
}

TypeId
DecentralizedLearningApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DecentralizedLearningApplication")
            .SetParent<Application>()
            .SetGroupName("DivShare")
            .AddAttribute("LocalSteps",
                          "Mini-batch SGD steps of local training per iteration.",
                          UintegerValue(128),
                          MakeUintegerAccessor(&DecentralizedLearningApplication::m_localSteps),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("Degree",
                          "J, the peers a node sends to per iteration: DivShare sends each "
                          "fragment to J distinct random peers, Swift the whole model; "
                          "AD-PSGD pushes it to J/2 random peers (with replacement), each "
                          "answering with its own (J at least 2); D-PSGD: the degree of the "
                          "fixed random regular graph (nodes x J even); Epidemic Learning: "
                          "the s peers of every round. J must be below the node count.",
                          UintegerValue(6),
                          MakeUintegerAccessor(&DecentralizedLearningApplication::m_degree),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("ComputeTime",
                          "Simulated seconds one iteration's local training takes (drawn per "
                          "iteration: a random variable makes compute stragglers).",
                          StringValue("ns3::ConstantRandomVariable[Constant=1.0]"),
                          MakePointerAccessor(&DecentralizedLearningApplication::m_computeTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("Seed",
                          "Experiment-wide seed of the fragment permutations; all nodes of a "
                          "run must share it.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&DecentralizedLearningApplication::m_seed),
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("Transport",
                          "The node's model transport (sockets, send queue, concurrency cap).",
                          PointerValue(),
                          MakePointerAccessor(&DecentralizedLearningApplication::SetTransport,
                                              &DecentralizedLearningApplication::GetTransport),
                          MakePointerChecker<ModelTransport>())
            .AddTraceSource(
                "IterationDone",
                "Local training of an iteration finished.",
                MakeTraceSourceAccessor(&DecentralizedLearningApplication::m_iterationTrace),
                "ns3::DecentralizedLearningApplication::IterationTracedCallback")
            .AddTraceSource(
                "AggregationDone",
                "Received fragments were averaged into the model.",
                MakeTraceSourceAccessor(&DecentralizedLearningApplication::m_aggregationTrace),
                "ns3::DecentralizedLearningApplication::AggregationTracedCallback")
            .AddTraceSource(
                "FragmentSent",
                "TCP transmitted the last byte of a fragment sent to a peer.",
                MakeTraceSourceAccessor(&DecentralizedLearningApplication::m_fragmentSentTrace),
                "ns3::DecentralizedLearningApplication::FragmentSentTracedCallback")
            .AddTraceSource(
                "FragmentReceived",
                "A fragment arrived whole and checked.",
                MakeTraceSourceAccessor(&DecentralizedLearningApplication::m_fragmentReceivedTrace),
                "ns3::DecentralizedLearningApplication::FragmentReceivedTracedCallback")
            .AddTraceSource(
                "FragmentFlushed",
                "A queued fragment was dropped before its transfer started.",
                MakeTraceSourceAccessor(&DecentralizedLearningApplication::m_fragmentFlushedTrace),
                "ns3::DecentralizedLearningApplication::FragmentFlushedTracedCallback");
    return tid;
}

DecentralizedLearningApplication::DecentralizedLearningApplication()
    : m_uniform(CreateObject<UniformRandomVariable>())
{
    NS_LOG_FUNCTION(this);
    SetTransport(CreateObject<ModelTransport>());
}

void
DecentralizedLearningApplication::SetTransport(Ptr<ModelTransport> transport)
{
    NS_LOG_FUNCTION(this << transport);
    if (m_transport)
    {
        WireTransport(false);
    }
    m_transport = transport;
    if (m_transport)
    {
        WireTransport(true);
    }
}

void
DecentralizedLearningApplication::WireTransport(bool connect)
{
    m_transport->SetReceiveCallback(
        connect ? MakeCallback(&DecentralizedLearningApplication::Receive, this)
                : ModelTransport::ReceiveCallback());
    m_transport->SetHeaderCheck(
        connect ? MakeCallback(&DecentralizedLearningApplication::ExpectsHeader, this)
                : ModelTransport::HeaderCheck());
    const std::pair<const char*, CallbackBase> traces[] = {
        {"TransferCompleted",
         MakeCallback(&DecentralizedLearningApplication::NotifyTransferCompleted, this)},
        {"MessageReceived",
         MakeCallback(&DecentralizedLearningApplication::NotifyMessageReceived, this)},
        {"MessageFlushed",
         MakeCallback(&DecentralizedLearningApplication::NotifyMessageFlushed, this)},
    };
    for (const auto& [name, callback] : traces)
    {
        if (connect)
        {
            m_transport->TraceConnectWithoutContext(name, callback);
        }
        else
        {
            m_transport->TraceDisconnectWithoutContext(name, callback);
        }
    }
}

DecentralizedLearningApplication::~DecentralizedLearningApplication()
{
    NS_LOG_FUNCTION(this);
}

void
DecentralizedLearningApplication::DoDispose()
{
    NS_LOG_FUNCTION(this);
    CancelTraining();
    if (m_transport)
    {
        m_transport->Dispose();
        m_transport = nullptr;
    }
    m_learner.reset();
    Application::DoDispose();
}

void
DecentralizedLearningApplication::SetLearner(std::unique_ptr<Learner> learner)
{
    m_learner = std::move(learner);
    m_model = m_learner->GetParameters();
}

Learner&
DecentralizedLearningApplication::GetLearner() const
{
    NS_ABORT_MSG_IF(!m_learner, "DecentralizedLearningApplication: no learner set");
    return *m_learner;
}

void
DecentralizedLearningApplication::SetPeers(uint32_t self, const std::vector<Address>& peers)
{
    NS_ABORT_MSG_IF(self >= peers.size(),
                    "node index " << self << " outside " << peers.size() << " peers");
    m_self = self;
    m_nodes = static_cast<uint32_t>(peers.size());
    m_peers = peers;
}

uint32_t
DecentralizedLearningApplication::GetNodeIndex() const
{
    return m_self;
}

uint32_t
DecentralizedLearningApplication::GetNodeCount() const
{
    return m_nodes;
}

void
DecentralizedLearningApplication::SetPeerKnown(uint32_t peer, bool known)
{
    if (peer == m_self || peer >= m_nodes)
    {
        return;
    }
    if (!m_viewActive && !known)
    {
        // The first departure: from all peers to a view.
        m_viewActive = true;
        for (uint32_t i = 0; i < m_nodes; ++i)
        {
            if (i != m_self)
            {
                m_view.push_back(i);
            }
        }
    }
    auto at = std::lower_bound(m_view.begin(), m_view.end(), peer);
    const bool in = at != m_view.end() && *at == peer;
    if (known && !in && m_viewActive)
    {
        m_view.insert(at, peer);
    }
    else if (!known && in)
    {
        m_view.erase(at);
    }
}

DecentralizedLearningApplication::Candidates
DecentralizedLearningApplication::GetCandidates() const
{
    // Without a view (or a full one), exactly as before: results do not change.
    if (!m_viewActive || m_view.size() + 1 == m_nodes)
    {
        return {m_self, m_nodes};
    }
    return {static_cast<uint32_t>(m_view.size()), static_cast<uint32_t>(m_view.size() + 1)};
}

uint32_t
DecentralizedLearningApplication::PeerAt(uint32_t drawn) const
{
    return !m_viewActive || m_view.size() + 1 == m_nodes ? drawn : m_view[drawn];
}

Ptr<ModelTransport>
DecentralizedLearningApplication::GetTransport() const
{
    return m_transport;
}

uint32_t
DecentralizedLearningApplication::GetIteration() const
{
    return m_iteration;
}

bool
DecentralizedLearningApplication::WaitsForNeighbours() const
{
    return false;
}

EvaluationResult
DecentralizedLearningApplication::Evaluate() const
{
    return GetLearner().Evaluate(m_model);
}

const std::vector<float>&
DecentralizedLearningApplication::GetModel() const
{
    return m_model;
}

double
DecentralizedLearningApplication::GetTrainingWallSeconds() const
{
    return m_trainingWallSeconds;
}

int64_t
DecentralizedLearningApplication::AssignStreams(int64_t stream)
{
    m_uniform->SetStream(stream);
    m_computeTime->SetStream(stream + 1);
    return 2;
}

uint32_t
DecentralizedLearningApplication::GetFragmentCount() const
{
    return 1;
}

bool
DecentralizedLearningApplication::HandleMessage(const DivShareHeader& header,
                                                std::vector<float>& values)
{
    m_inbox.Put(header.sender, header.fragment, header.iteration, std::move(values));
    return true;
}

bool
DecentralizedLearningApplication::IsReadyToAggregate() const
{
    return true;
}

std::shared_ptr<const std::vector<float>>
DecentralizedLearningApplication::ExtractFragment(uint32_t fragment) const
{
    if (m_fragmenter->GetFragmentCount() == 1)
    {
        return std::make_shared<const std::vector<float>>(m_model);
    }
    return std::make_shared<const std::vector<float>>(m_fragmenter->Extract(m_model, fragment));
}

void
DecentralizedLearningApplication::Send(uint32_t peer,
                                       uint32_t fragment,
                                       std::shared_ptr<const std::vector<float>> values,
                                       uint8_t type)
{
    m_transport->Enqueue(peer,
                         type,
                         m_iteration,
                         fragment,
                         m_fragmenter->GetFragmentCount(),
                         std::move(values));
}

void
DecentralizedLearningApplication::FlushSendQueue()
{
    m_transport->Flush();
}

FragmentInbox&
DecentralizedLearningApplication::GetInbox()
{
    return m_inbox;
}

const FragmentInbox&
DecentralizedLearningApplication::GetInbox() const
{
    return m_inbox;
}

uint32_t
DecentralizedLearningApplication::GetDegree() const
{
    return m_degree;
}

uint64_t
DecentralizedLearningApplication::GetSeed() const
{
    return m_seed;
}

std::string
DecentralizedLearningApplication::CheckConfiguration(uint32_t nodes,
                                                     std::size_t /* parameters */) const
{
    if (m_degree >= nodes)
    {
        return "Degree = " + std::to_string(m_degree) + " needs more than " +
               std::to_string(m_degree) + " learning nodes; the network has " +
               std::to_string(nodes) + ": lower Degree or add nodes";
    }
    const std::string problem = CheckComputeTime(m_computeTime);
    return problem.empty() ? "" : "ComputeTime: " + problem;
}

uint32_t
DecentralizedLearningApplication::DrawBelow(uint32_t bound)
{
    return m_uniform->GetInteger(0, bound - 1);
}

void
DecentralizedLearningApplication::StartApplication()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_learner,
                    "node " << m_self
                            << ": no learner; install the application with "
                               "DecentralizedLearningHelper, or call SetLearner()");
    NS_ABORT_MSG_IF(m_nodes < 2, "node " << m_self << ": needs at least one peer; call SetPeers()");
    const std::string problem = CheckConfiguration(m_nodes, m_learner->GetParameterCount());
    NS_ABORT_MSG_IF(!problem.empty(), GetInstanceTypeId().GetName() << ": " << problem);
    try
    {
        m_fragmenter.emplace(m_learner->GetTensorSizes(), GetFragmentCount(), m_seed);
    }
    catch (const std::invalid_argument& error)
    {
        NS_FATAL_ERROR("node " << m_self << ": " << error.what());
    }
    ConfigureLearningWorkers();
    m_transport->Setup(GetNode(), m_self, m_peers);
    m_transport->Start();
    ScheduleTraining();
}

void
DecentralizedLearningApplication::StopApplication()
{
    NS_LOG_FUNCTION(this);
    Shutdown();
}

void
DecentralizedLearningApplication::Halt()
{
    NS_LOG_FUNCTION(this);
    m_departed = true;
    Shutdown();
}

void
DecentralizedLearningApplication::Shutdown()
{
    if (m_halted)
    {
        return;
    }
    m_halted = true;
    CancelTraining();
    m_transport->Stop();
}

bool
DecentralizedLearningApplication::IsHalted() const
{
    return m_halted;
}

bool
DecentralizedLearningApplication::IsPresent() const
{
    return !m_departed && Simulator::Now() >= m_startTime;
}

void
DecentralizedLearningApplication::ScheduleTraining()
{
    // A rare draw beyond what Time holds (an exponential's tail) ends past any run.
    const double seconds =
        std::min(m_computeTime->GetValue(), (Time::Max() - Simulator::Now()).GetSeconds() / 2);
    NS_ABORT_MSG_IF(seconds < 0, "node " << m_self << ": negative ComputeTime " << seconds);
    const Time finish = Simulator::Now() + Seconds(seconds);
    m_trainingEvent = Simulator::Schedule(Seconds(seconds),
                                          &DecentralizedLearningApplication::FinishTraining,
                                          this);
    // The training depends only on the model as of now, and nothing changes the learner
    // until FinishTraining: it runs on a worker meanwhile, and FinishTraining waits for it.
    // A training that would end after the application stops is not needed at all.
    if (m_stopTime.IsZero() || finish < m_stopTime)
    {
        SubmitTraining(finish);
    }
}

void
DecentralizedLearningApplication::SubmitTraining(Time needed)
{
    m_trainingJob = LearningWorkerPool::Get().Submit(needed.GetNanoSeconds(), [this] {
        const auto start = std::chrono::steady_clock::now();
        m_trainedLoss = m_learner->Train(m_localSteps);
        m_trainedModel = m_learner->GetParameters();
        m_trainedWallSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    });
}

void
DecentralizedLearningApplication::CancelTraining()
{
    m_trainingEvent.Cancel();
    LearningWorkerPool::Get().Cancel(m_trainingJob);
    m_trainingJob = nullptr;
}

void
DecentralizedLearningApplication::FinishTraining()
{
    // The ComputeTime that just elapsed is the training's simulated duration; its result
    // takes effect now.
    if (!m_trainingJob)
    {
        SubmitTraining(Simulator::Now()); // skipped for a stop time that has since moved
    }
    auto job = std::move(m_trainingJob);
    LearningWorkerPool::Get().Wait(job);
    m_trainingWallSeconds += m_trainedWallSeconds;
    m_model = std::move(m_trainedModel);
    m_trainedModel.clear();
    ++m_iteration;
    NS_LOG_INFO("node " << m_self << " iteration " << m_iteration << " loss " << m_trainedLoss);
    m_iterationTrace(m_iteration, m_trainedLoss);
    ShareModel();
    m_waiting = true;
    ResumeIfReady();
}

void
DecentralizedLearningApplication::ResumeIfReady()
{
    if (m_waiting && IsReadyToAggregate())
    {
        m_waiting = false;
        AggregateAndContinue();
    }
}

void
DecentralizedLearningApplication::AggregateAndContinue()
{
    const auto stats = m_aggregator.Aggregate(m_model, m_inbox, *m_fragmenter);
    m_inbox.Clear();
    if (stats.fragments > 0)
    {
        m_learner->SetParameters(m_model);
    }
    m_aggregationTrace(m_iteration,
                       static_cast<uint32_t>(stats.fragments),
                       static_cast<uint32_t>(stats.coordinates));
    ScheduleTraining();
}

bool
DecentralizedLearningApplication::ExpectsHeader(const DivShareHeader& header) const
{
    // Checked before the payload is buffered: a message cut otherwise, or claiming more
    // values than its fragment holds, costs this node nothing but the header.
    const bool expected = m_fragmenter && header.fragments == m_fragmenter->GetFragmentCount() &&
                          header.valueCount == m_fragmenter->GetIndices(header.fragment).size();
    if (!expected)
    {
        NS_LOG_WARN("node " << m_self << ": rejecting a message from node " << header.sender
                            << " cut into " << header.fragments << " fragments of "
                            << header.valueCount << " values; this node uses "
                            << (m_fragmenter ? m_fragmenter->GetFragmentCount() : 0));
    }
    return expected;
}

bool
DecentralizedLearningApplication::Receive(const DivShareHeader& header, std::vector<float>& values)
{
    if (!HandleMessage(header, values))
    {
        return false;
    }
    ResumeIfReady();
    return true;
}

void
DecentralizedLearningApplication::NotifyTransferCompleted(uint32_t peer,
                                                          const DivShareHeader& header,
                                                          uint32_t bytes,
                                                          Time /* duration */)
{
    m_fragmentSentTrace(peer, header.fragment, header.iteration, bytes);
}

void
DecentralizedLearningApplication::NotifyMessageReceived(const DivShareHeader& header,
                                                        uint32_t bytes,
                                                        Time latency)
{
    m_fragmentReceivedTrace(header.sender, header.fragment, bytes, latency);
}

void
DecentralizedLearningApplication::NotifyMessageFlushed(uint32_t peer,
                                                       uint32_t fragment,
                                                       uint32_t bytes)
{
    m_fragmentFlushedTrace(peer, fragment, bytes);
}

} // namespace ns3
