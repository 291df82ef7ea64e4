/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests that tell the algorithms apart by what crosses the network: AD-PSGD, Swift, DivShare,
// D-PSGD and Epidemic Learning on small stars, plus their pure per-algorithm decisions.

#include "divshare-test-fixtures.h"

#include "ns3/divshare-module.h"
#include "ns3/ipv4-address-generator.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>

using namespace ns3;
using namespace ns3::divshare_tests;

namespace
{

/** Calls function with the arguments: the body of FunctionCallback's callbacks. */
template <typename... Args>
void
CallFunction(std::shared_ptr<std::function<void(Args...)>> function, Args... args)
{
    (*function)(args...);
}

/**
 * \return a callback that calls function. Callback<void, Args...>(function) needs ns-3.36 or
 * later; this works on ns-3.35 as well (bound arguments must compare: a shared_ptr does).
 */
template <typename... Args, typename Function>
Callback<void, Args...>
FunctionCallback(Function function)
{
    return MakeBoundCallback(&CallFunction<Args...>,
                             std::make_shared<std::function<void(Args...)>>(function));
}

/** A transfer that started: what left a node's send queue for the network. */
struct Transfer
{
    uint32_t from;         //!< sender
    uint32_t to;           //!< destination
    DivShareHeader header; //!< its header
};

/** A synthetic 10-class task for `nodes` nodes, two classes each, distinct initial models. */
std::shared_ptr<Workload>
SmallWorkload(uint32_t nodes, uint64_t seed)
{
    SyntheticClassificationConfig data;
    data.trainPerClass = 160;
    data.testPerClass = 40;
    data.seed = seed;
    auto train = std::make_shared<ClassificationDataset>();
    auto test = std::make_shared<ClassificationDataset>();
    MakeSyntheticClassification(data, *train, *test);
    ClassifierConfig model;
    model.mlpHidden = 32;
    model.initSeed = seed;
    model.samplingSeed = seed;
    return std::make_shared<ClassificationWorkload>("synthetic",
                                                    train,
                                                    test,
                                                    PartitionShards(train->labels, nodes, 2, seed),
                                                    model,
                                                    true);
}

/**
 * A star of learning nodes built by hand (not by ExperimentHelper) so that the tests can attach
 * to every transport and application. The last `stragglers` nodes have slow access links.
 */
class Testbed
{
  public:
    /**
     * \param typeId the application's TypeId name
     * \param nodes number of nodes
     * \param stragglers how many of them sit behind a slow link
     * \param slowRate the stragglers' access rate
     * \param attributes application attributes
     * \param stop simulated seconds
     */
    Testbed(const std::string& typeId,
            uint32_t nodes,
            uint32_t stragglers,
            const std::string& slowRate,
            const std::map<std::string, std::string>& attributes,
            double stop)
        : m_workload(SmallWorkload(nodes, 1)),
          m_stop(Seconds(stop))
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Ipv4AddressGenerator::Reset();
        const auto network =
            TopologyHelper().Install(NetworkTopology::Star(nodes,
                                                           DataRate("20Mbps"),
                                                           MilliSeconds(1),
                                                           {{stragglers, DataRate(slowRate)}}));
        DecentralizedLearningHelper helper(typeId);
        helper.SetAttribute("Seed", UintegerValue(1));
        helper.SetAttribute("LocalSteps", UintegerValue(5));
        helper.SetAttribute("ComputeTime",
                            StringValue("ns3::UniformRandomVariable[Min=0.2|Max=0.3]"));
        for (const auto& [name, value] : attributes)
        {
            helper.SetAttribute(name, StringValue(value));
        }
        m_apps = helper.Install(network.hosts, network.addresses, *m_workload);
        for (uint32_t i = 0; i < nodes; ++i)
        {
            App(i)->GetTransport()->TraceConnectWithoutContext(
                "TransferStarted",
                FunctionCallback<uint32_t, const DivShareHeader&, Time>(
                    [this, i](uint32_t peer, const DivShareHeader& header, Time) {
                        transfers.push_back({i, peer, header});
                    }));
        }
    }

    /** \return node i's application */
    Ptr<DecentralizedLearningApplication> App(uint32_t i) const
    {
        return DynamicCast<DecentralizedLearningApplication>(m_apps.Get(i));
    }

    /** \return the number of nodes */
    uint32_t Size() const
    {
        return m_apps.GetN();
    }

    /**
     * \brief Assign streams, start the applications, run, and call snapshot just before
     * they stop.
     * \param snapshot called 1 ns before the stop time, if set
     */
    void Run(const std::function<void()>& snapshot = {})
    {
        DecentralizedLearningHelper::AssignStreams(m_apps, 0);
        m_apps.Start(Seconds(0));
        m_apps.Stop(m_stop);
        if (snapshot)
        {
            Simulator::Schedule(m_stop - NanoSeconds(1), &RunFunction, snapshot);
        }
        Simulator::Stop(m_stop);
        Simulator::Run();
    }

    /** Tears the simulation down, so that the next test case starts afresh. */
    ~Testbed()
    {
        Simulator::Destroy();
    }

    std::vector<Transfer> transfers; //!< every transfer that started, in order

  private:
    std::shared_ptr<Workload> m_workload; //!< outlives the learners made from it
    ApplicationContainer m_apps;
    Time m_stop;
};

/** Key of the transfers one node started for one of its iterations. */
using SenderIteration = std::pair<uint32_t, uint32_t>;

/**
 * \return the FRAGMENT transfers grouped by (sender, sender's iteration)
 */
std::map<SenderIteration, std::vector<Transfer>>
GroupPushes(const std::vector<Transfer>& transfers)
{
    std::map<SenderIteration, std::vector<Transfer>> groups;
    for (const auto& t : transfers)
    {
        if (t.header.type == DivShareHeader::FRAGMENT)
        {
            groups[{t.from, t.header.iteration}].push_back(t);
        }
    }
    return groups;
}

} // namespace

/**
 * \ingroup divshare-tests
 * D-PSGD's fixed graph is a connected regular graph, the same for every node of a run.
 */
class RegularGraphTestCase : public TestCase
{
  public:
    RegularGraphTestCase()
        : TestCase("MakeRandomRegularGraph: connected, regular, simple, seeded")
    {
    }

  private:
    void DoRun() override
    {
        for (auto [nodes, degree] : std::vector<std::pair<uint32_t, uint32_t>>{{2, 1},
                                                                               {7, 6},
                                                                               {8, 3},
                                                                               {16, 2},
                                                                               {60, 6},
                                                                               {61, 4}})
        {
            const auto graph = MakeRandomRegularGraph(nodes, degree, 5);
            NS_TEST_ASSERT_MSG_EQ(graph.size(), nodes, "one list per node");
            std::vector<bool> reached(nodes, false);
            std::vector<uint32_t> frontier{0};
            reached[0] = true;
            for (uint32_t v = 0; v < nodes; ++v)
            {
                const auto& neighbours = graph[v];
                NS_TEST_ASSERT_MSG_EQ(neighbours.size(), degree, "node " << v << " degree");
                const std::set<uint32_t> distinct(neighbours.begin(), neighbours.end());
                NS_TEST_ASSERT_MSG_EQ(distinct.size(), degree, "no double edge");
                for (auto w : neighbours)
                {
                    NS_TEST_ASSERT_MSG_NE(w, v, "no self-loop");
                    NS_TEST_ASSERT_MSG_LT(w, nodes, "neighbour in range");
                    NS_TEST_ASSERT_MSG_EQ(std::count(graph[w].begin(), graph[w].end(), v),
                                          1,
                                          "undirected: " << v << " - " << w);
                }
            }
            while (!frontier.empty())
            {
                const auto v = frontier.back();
                frontier.pop_back();
                for (auto w : graph[v])
                {
                    if (!reached[w])
                    {
                        reached[w] = true;
                        frontier.push_back(w);
                    }
                }
            }
            NS_TEST_ASSERT_MSG_EQ(std::count(reached.begin(), reached.end(), true),
                                  nodes,
                                  nodes << " nodes, degree " << degree << ": connected");
            NS_TEST_ASSERT_MSG_EQ((MakeRandomRegularGraph(nodes, degree, 5) == graph),
                                  true,
                                  "same seed, same graph");
        }
        NS_TEST_ASSERT_MSG_EQ(
            (MakeRandomRegularGraph(60, 6, 5) != MakeRandomRegularGraph(60, 6, 6)),
            true,
            "the seed matters");
        for (auto [nodes, degree] :
             std::vector<std::pair<uint32_t, uint32_t>>{{7, 3}, {5, 1}, {4, 4}, {4, 0}, {1, 0}})
        {
            bool thrown = false;
            try
            {
                MakeRandomRegularGraph(nodes, degree, 5);
            }
            catch (const std::invalid_argument&)
            {
                thrown = true;
            }
            NS_TEST_ASSERT_MSG_EQ(thrown, true, nodes << " nodes, degree " << degree << " refused");
        }
    }
};

/**
 * \ingroup divshare-tests
 * Epidemic Learning's round topology: every node sends to s and hears from s, consistently
 * across nodes, and the recipients change from round to round, uniformly over time.
 */
class RoundPeersTestCase : public TestCase
{
  public:
    RoundPeersTestCase()
        : TestCase("SampleRegularRoundPeers: s-regular, consistent, fresh every round")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t nodes = 8;
        const uint32_t fanout = 3;
        const uint32_t rounds = 2000;
        std::map<std::pair<uint32_t, uint32_t>, uint32_t> pairCount;
        uint32_t changed = 0;
        for (uint32_t round = 1; round <= rounds; ++round)
        {
            std::vector<uint32_t> inDegree(nodes, 0);
            for (uint32_t v = 0; v < nodes; ++v)
            {
                const auto peers = SampleRegularRoundPeers(v, nodes, fanout, 9, round);
                NS_TEST_ASSERT_MSG_EQ(peers.out.size(), fanout, "s recipients");
                NS_TEST_ASSERT_MSG_EQ(peers.in.size(), fanout, "s senders");
                NS_TEST_ASSERT_MSG_EQ(std::set<uint32_t>(peers.out.begin(), peers.out.end()).size(),
                                      fanout,
                                      "distinct recipients");
                for (auto w : peers.out)
                {
                    NS_TEST_ASSERT_MSG_NE(w, v, "not itself");
                    ++inDegree[w];
                    ++pairCount[{v, w}];
                    const auto back = SampleRegularRoundPeers(w, nodes, fanout, 9, round).in;
                    NS_TEST_ASSERT_MSG_EQ(std::count(back.begin(), back.end(), v),
                                          1,
                                          "the recipient waits for the sender");
                }
                if (round > 1 &&
                    SampleRegularRoundPeers(v, nodes, fanout, 9, round - 1).out != peers.out)
                {
                    ++changed;
                }
            }
            for (uint32_t v = 0; v < nodes; ++v)
            {
                NS_TEST_ASSERT_MSG_EQ(inDegree[v], fanout, "every node receives exactly s");
            }
        }
        NS_TEST_ASSERT_MSG_GT(changed, (rounds - 1) * nodes * 9 / 10, "fresh recipients");
        // Each of the 56 ordered pairs should be used in s/(n-1) = 3/7 of the rounds.
        NS_TEST_ASSERT_MSG_EQ(pairCount.size(), nodes * (nodes - 1), "every pair occurs");
        for (const auto& [pair, count] : pairCount)
        {
            NS_TEST_ASSERT_MSG_EQ_TOL(count / double(rounds), 3.0 / 7.0, 0.05, "uniform peers");
        }
        NS_TEST_ASSERT_MSG_EQ((SampleRegularRoundPeers(2, nodes, fanout, 9, 4).out ==
                               SampleRegularRoundPeers(2, nodes, fanout, 9, 4).out),
                              true,
                              "deterministic");
        bool thrown = false;
        try
        {
            SampleRegularRoundPeers(0, nodes, nodes, 9, 1);
        }
        catch (const std::invalid_argument&)
        {
            thrown = true;
        }
        NS_TEST_ASSERT_MSG_EQ(thrown, true, "fan-out of n refused");
    }
};

/**
 * \ingroup divshare-tests
 * AD-PSGD: a node pushes its whole model to J/2 peers per iteration; every REPLY goes back to
 * a node whose push arrived, replies are never answered, and nothing is flushed.
 */
class AdPsgdRepliesTestCase : public TestCase
{
  public:
    AdPsgdRepliesTestCase()
        : TestCase("AD-PSGD: receivers reply to the sender with their model; replies are not "
                   "answered")
    {
    }

  private:
    void DoRun() override
    {
        Testbed bed("ns3::AdPsgdApplication", 6, 1, "2Mbps", {{"Degree", "4"}}, 8);
        const uint32_t n = bed.Size();
        const std::size_t modelSize = bed.App(0)->GetLearner().GetParameterCount();
        // Per (replier b, pusher a): when a's pushes arrived at b, and when b's replies to a
        // left. (The reply is queued inside the receive callback, before the MessageReceived
        // trace fires, so the two are matched after the run.)
        std::map<std::pair<uint32_t, uint32_t>, std::vector<Time>> pushArrivals;
        std::map<std::pair<uint32_t, uint32_t>, std::vector<Time>> replyStarts;
        uint32_t pushesReceived = 0;
        uint32_t repliesReceived = 0;
        uint32_t multiModelAggregations = 0;
        for (uint32_t b = 0; b < n; ++b)
        {
            bed.App(b)->GetTransport()->TraceConnectWithoutContext(
                "MessageReceived",
                FunctionCallback<const DivShareHeader&, uint32_t, Time>(
                    [&, b](const DivShareHeader& header, uint32_t, Time) {
                        if (header.type == DivShareHeader::FRAGMENT)
                        {
                            pushArrivals[{b, header.sender}].push_back(Simulator::Now());
                            ++pushesReceived;
                        }
                        else
                        {
                            ++repliesReceived;
                        }
                    }));
            bed.App(b)->GetTransport()->TraceConnectWithoutContext(
                "TransferStarted",
                FunctionCallback<uint32_t, const DivShareHeader&, Time>(
                    [&, b](uint32_t peer, const DivShareHeader& header, Time) {
                        if (header.type == DivShareHeader::REPLY)
                        {
                            replyStarts[{b, peer}].push_back(Simulator::Now());
                        }
                    }));
            bed.App(b)->TraceConnectWithoutContext("AggregationDone",
                                                   FunctionCallback<uint32_t, uint32_t, uint32_t>(
                                                       [&](uint32_t, uint32_t models, uint32_t) {
                                                           multiModelAggregations +=
                                                               models >= 2 ? 1 : 0;
                                                       }));
        }
        bed.Run();

        uint32_t replies = 0;
        for (const auto& t : bed.transfers)
        {
            NS_TEST_ASSERT_MSG_EQ(t.header.fragments, 1, "whole models");
            NS_TEST_ASSERT_MSG_EQ(t.header.valueCount, modelSize, "whole models");
            replies += t.header.type == DivShareHeader::REPLY ? 1 : 0;
        }
        for (const auto& [key, pushes] : GroupPushes(bed.transfers))
        {
            NS_TEST_ASSERT_MSG_LT_OR_EQ(pushes.size(), 2, "J/2 = 2 pushes per iteration");
        }
        for (const auto& [pair, starts] : replyStarts)
        {
            const auto& arrivals = pushArrivals[pair];
            NS_TEST_ASSERT_MSG_LT_OR_EQ(starts.size(),
                                        arrivals.size(),
                                        "node " << pair.first << " replies to node " << pair.second
                                                << " only for its pushes");
            for (std::size_t k = 0; k < starts.size(); ++k)
            {
                NS_TEST_ASSERT_MSG_GT_OR_EQ(starts[k], arrivals[k], "reply k follows push k");
            }
        }
        NS_TEST_ASSERT_MSG_GT(pushesReceived, 100, "pushes crossed the network");
        // Replies still queued at the end are the only unanswered pushes.
        NS_TEST_ASSERT_MSG_GT(replies, 0.8 * pushesReceived, "pushes are answered");
        NS_TEST_ASSERT_MSG_LT_OR_EQ(replies, pushesReceived, "replies are not answered");
        NS_TEST_ASSERT_MSG_GT(repliesReceived, 0.7 * pushesReceived, "replies arrive");
        NS_TEST_ASSERT_MSG_GT(multiModelAggregations, 0, "pushes and replies averaged together");
        for (uint32_t i = 0; i < n; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(bed.App(i)->GetTransport()->GetCounters().messagesFlushed,
                                  0,
                                  "AD-PSGD never flushes");
        }
    }
};

/**
 * \ingroup divshare-tests
 * Swift and DivShare on the same star with a very slow straggler. Every message a node queues
 * is accounted for just before the end: Swift's J whole models per iteration (to distinct
 * peers) have all started or still wait in the queue; DivShare's Ω·J fragments per iteration
 * have started, wait, or were flushed, and the straggler did flush.
 */
class FragmentsAndFlushTestCase : public TestCase
{
  public:
    /**
     * \param divshare test DivShare (Ω = 4, J = 3) rather than Swift (J = 3)
     */
    explicit FragmentsAndFlushTestCase(bool divshare)
        : TestCase(divshare ? "DivShare sends Omega*J fragments per iteration and flushes "
                              "unsent ones"
                            : "Swift sends whole models to J distinct nodes and never flushes"),
          m_divshare(divshare)
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t degree = 3;
        const uint32_t fragments = m_divshare ? 4 : 1;
        std::map<std::string, std::string> attributes{{"Degree", std::to_string(degree)}};
        if (m_divshare)
        {
            attributes["Fragments"] = std::to_string(fragments);
        }
        Testbed bed(m_divshare ? "ns3::DivShareApplication" : "ns3::SwiftApplication",
                    8,
                    2,
                    "200kbps",
                    attributes,
                    8);
        const uint32_t n = bed.Size();
        std::vector<uint32_t> flushTraces(n, 0);
        for (uint32_t i = 0; i < n; ++i)
        {
            bed.App(i)->TraceConnectWithoutContext(
                "FragmentFlushed",
                FunctionCallback<uint32_t, uint32_t, uint32_t>(
                    [&flushTraces, i](uint32_t, uint32_t, uint32_t) { ++flushTraces[i]; }));
        }
        std::vector<uint64_t> queued(n);
        std::vector<uint64_t> started(n);
        std::vector<uint32_t> iterations(n);
        bed.Run([&]() {
            for (uint32_t i = 0; i < n; ++i)
            {
                queued[i] = bed.App(i)->GetTransport()->GetQueueLength();
                iterations[i] = bed.App(i)->GetIteration();
            }
            for (const auto& t : bed.transfers)
            {
                ++started[t.from];
            }
        });

        const std::size_t modelSize = bed.App(0)->GetLearner().GetParameterCount();
        for (const auto& [key, sends] : GroupPushes(bed.transfers))
        {
            std::set<std::pair<uint32_t, uint32_t>> pairs;
            std::map<uint32_t, uint32_t> perFragment;
            std::size_t values = 0;
            for (const auto& t : sends)
            {
                NS_TEST_ASSERT_MSG_EQ(t.header.fragments, fragments, "Omega on the wire");
                NS_TEST_ASSERT_MSG_NE(t.to, t.from, "not to itself");
                pairs.insert({t.to, t.header.fragment});
                ++perFragment[t.header.fragment];
                values += t.header.valueCount;
                if (!m_divshare)
                {
                    NS_TEST_ASSERT_MSG_EQ(t.header.valueCount, modelSize, "whole model");
                }
            }
            NS_TEST_ASSERT_MSG_EQ(pairs.size(), sends.size(), "distinct (peer, fragment) pairs");
            for (const auto& [fragment, count] : perFragment)
            {
                NS_TEST_ASSERT_MSG_LT_OR_EQ(count, degree, "J peers per fragment");
            }
            NS_TEST_ASSERT_MSG_LT_OR_EQ(sends.size(), fragments * degree, "Omega*J per iteration");
            if (sends.size() == fragments * degree)
            {
                NS_TEST_ASSERT_MSG_EQ(values, degree * modelSize, "J models' worth of values");
            }
        }

        uint64_t flushed = 0;
        for (uint32_t i = 0; i < n; ++i)
        {
            const auto& counters = bed.App(i)->GetTransport()->GetCounters();
            NS_TEST_ASSERT_MSG_EQ(flushTraces[i], counters.messagesFlushed, "flush trace");
            NS_TEST_ASSERT_MSG_GT(iterations[i], 20, "node " << i << " kept iterating");
            NS_TEST_ASSERT_MSG_EQ(started[i] + queued[i] + counters.messagesFlushed,
                                  uint64_t(iterations[i]) * fragments * degree,
                                  "node " << i << ": every queued message accounted for");
            flushed += counters.messagesFlushed;
        }
        const uint32_t straggler = n - 1;
        if (m_divshare)
        {
            NS_TEST_ASSERT_MSG_GT(bed.App(straggler)->GetTransport()->GetCounters().messagesFlushed,
                                  0,
                                  "the straggler flushed");
            NS_TEST_ASSERT_MSG_LT_OR_EQ(queued[straggler],
                                        fragments * degree,
                                        "at most one iteration waits");
        }
        else
        {
            NS_TEST_ASSERT_MSG_EQ(flushed, 0, "Swift never flushes");
            NS_TEST_ASSERT_MSG_GT(queued[straggler],
                                  fragments * degree,
                                  "the straggler's backlog is kept");
        }
    }

    bool m_divshare;
};

/**
 * \ingroup divshare-tests
 * D-PSGD (fixed graph) and Epidemic Learning (a fresh graph per round) are synchronous: with
 * a compute straggler, no node finishes round r before all whose round-(r-1) models it needed
 * finished r-1, every aggregation averages exactly the d models of its round, models that
 * arrive a round early are kept for the next round, and the straggler holds everyone back.
 */
class SynchronousRoundsTestCase : public TestCase
{
  public:
    /**
     * \param typeId ns3::DpsgdApplication or ns3::EpidemicLearningApplication
     */
    explicit SynchronousRoundsTestCase(const std::string& typeId)
        : TestCase(typeId + ": no node runs ahead of its slowest neighbour by more than one "
                            "round"),
          m_typeId(typeId)
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t degree = 3;
        Testbed bed(m_typeId, 8, 1, "2Mbps", {{"Degree", std::to_string(degree)}}, 8);
        const uint32_t n = bed.Size();
        // Node 0 computes three times slower than the others.
        bed.App(0)->SetAttribute("ComputeTime",
                                 StringValue("ns3::ConstantRandomVariable[Constant=0.75]"));
        auto peersOf = [&bed](uint32_t node, uint32_t round) {
            return DynamicCast<DpsgdApplication>(bed.App(node))->GetRoundPeers(round);
        };
        uint32_t aheadViolations = 0;
        uint32_t wrongAggregations = 0;
        uint32_t aggregations = 0;
        // Models of round r+1 that reach a node waiting to aggregate round r: the case the
        // per-round buffer exists for.
        uint32_t earlyArrivals = 0;
        std::vector<bool> waiting(n, false);
        // Per node, in order: ('i', r) round r trained, ('a', r) round r aggregated, ('m', r) a
        // round-r model arrived. The transport calls the application before its
        // MessageReceived trace, so an aggregation that a message allowed comes just before it.
        std::vector<std::vector<std::pair<char, uint32_t>>> events(n);
        // Every node's model as trained in each round: what it sends for that round.
        std::map<std::pair<uint32_t, uint32_t>, std::vector<float>> trained;
        double worstAverageError = 0;
        for (uint32_t i = 0; i < n; ++i)
        {
            bed.App(i)->TraceConnectWithoutContext(
                "IterationDone",
                FunctionCallback<uint32_t, double>([&, i](uint32_t round, double) {
                    waiting[i] = true;
                    events[i].emplace_back('i', round);
                    trained[{i, round}] = bed.App(i)->GetModel();
                    if (round < 2)
                    {
                        return;
                    }
                    for (auto j : peersOf(i, round - 1).in)
                    {
                        aheadViolations += bed.App(j)->GetIteration() < round - 1 ? 1 : 0;
                    }
                }));
            bed.App(i)->TraceConnectWithoutContext(
                "AggregationDone",
                FunctionCallback<uint32_t, uint32_t, uint32_t>(
                    [&, i](uint32_t round, uint32_t models, uint32_t) {
                        waiting[i] = false;
                        events[i].emplace_back('a', round);
                        ++aggregations;
                        const auto senders = peersOf(i, round).in;
                        wrongAggregations += models != senders.size() ? 1 : 0;
                        // The model is now the plain average of its own and its senders'
                        // round-r models, no other round's.
                        std::vector<float> expected = trained[{i, round}];
                        for (auto j : senders)
                        {
                            const auto& theirs = trained[{j, round}];
                            for (std::size_t k = 0; k < expected.size() && k < theirs.size(); ++k)
                            {
                                expected[k] += theirs[k];
                            }
                        }
                        const auto& model = bed.App(i)->GetModel();
                        for (std::size_t k = 0; k < expected.size(); ++k)
                        {
                            worstAverageError = std::max(
                                worstAverageError,
                                std::abs(double(model[k]) - expected[k] / (1.0 + senders.size())));
                        }
                    }));
            bed.App(i)->GetTransport()->TraceConnectWithoutContext(
                "MessageReceived",
                FunctionCallback<const DivShareHeader&, uint32_t, Time>(
                    [&, i](const DivShareHeader& header, uint32_t, Time) {
                        events[i].emplace_back('m', header.iteration);
                        earlyArrivals +=
                            waiting[i] && header.iteration > bed.App(i)->GetIteration() ? 1 : 0;
                    }));
        }
        std::vector<uint32_t> iterations(n);
        bed.Run([&]() {
            for (uint32_t i = 0; i < n; ++i)
            {
                iterations[i] = bed.App(i)->GetIteration();
            }
        });

        for (const auto& [key, sends] : GroupPushes(bed.transfers))
        {
            const auto out = peersOf(key.first, key.second).out;
            std::set<uint32_t> expected(out.begin(), out.end());
            std::set<uint32_t> sentTo;
            for (const auto& t : sends)
            {
                NS_TEST_ASSERT_MSG_EQ(expected.count(t.to), 1, "sent to a round peer");
                sentTo.insert(t.to);
            }
            NS_TEST_ASSERT_MSG_EQ(sentTo.size(), sends.size(), "one model per peer and round");
        }
        NS_TEST_ASSERT_MSG_EQ(aheadViolations, 0, "nobody more than a round ahead");
        for (uint32_t i = 0; i < n; ++i)
        {
            const auto& log = events[i];
            for (std::size_t k = 0; k < log.size(); ++k)
            {
                if (log[k].first != 'a')
                {
                    continue;
                }
                const std::pair<char, uint32_t> trained{'i', log[k].second};
                const std::pair<char, uint32_t> completed{'m', log[k].second};
                NS_TEST_ASSERT_MSG_EQ(((k > 0 && log[k - 1] == trained) ||
                                       (k + 1 < log.size() && log[k + 1] == completed)),
                                      true,
                                      "node " << i << " aggregated round " << log[k].second
                                              << " on its training or a model of that round");
            }
        }
        NS_TEST_ASSERT_MSG_GT(aggregations, 8 * 5, "rounds completed");
        NS_TEST_ASSERT_MSG_EQ(wrongAggregations, 0, "each round averages its d models");
        NS_TEST_ASSERT_MSG_LT(worstAverageError, 1e-5, "the round-r models, exactly");
        NS_TEST_ASSERT_MSG_GT(earlyArrivals, 0, "next-round models reached waiting nodes");
        // Alone, a fast node would do ~32 rounds in 8 s; the straggler does 10.
        const uint32_t slowest = *std::min_element(iterations.begin(), iterations.end());
        const uint32_t fastest = *std::max_element(iterations.begin(), iterations.end());
        NS_TEST_ASSERT_MSG_EQ(slowest, iterations[0], "the straggler is the slowest");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(slowest, 9, "the straggler progresses");
        NS_TEST_ASSERT_MSG_LT_OR_EQ(fastest, slowest + n - 1, "the straggler holds everyone back");
        for (uint32_t i = 0; i < n; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(bed.App(i)->GetTransport()->GetCounters().messagesMalformed,
                                  0,
                                  "no message refused");
        }
    }

    std::string m_typeId;
};

/**
 * \ingroup divshare-tests
 * Every algorithm learns the synthetic task: nodes that each hold two classes of ten reach
 * far above chance together, and the outputs carry the algorithm's name.
 */
class AlgorithmLearnsTestCase : public TestCase
{
  public:
    /**
     * \param algorithm the algorithm's name
     * \param attributes its application attributes
     */
    AlgorithmLearnsTestCase(const std::string& algorithm,
                            std::map<std::string, std::string> attributes)
        : TestCase(algorithm + " learns the synthetic task far above chance"),
          m_algorithm(algorithm),
          m_attributes(std::move(attributes))
    {
    }

  private:
    void DoRun() override
    {
        const TempDir dir("test-algorithm-" + m_algorithm);
        const std::string out = dir.Path();
        auto experiment = CreateObject<ExperimentHelper>();
        experiment->SetWorkload(SmallWorkload(8, 1));
        experiment->SetTopology(NetworkTopology::Star(8,
                                                      DataRate("20Mbps"),
                                                      MilliSeconds(1),
                                                      {{2, DataRate("2Mbps")}}));
        experiment->Set("Algorithm", m_algorithm);
        for (const auto& [name, value] : m_attributes)
        {
            experiment->Set(name, value);
        }
        experiment->Set("LocalSteps", "10");
        experiment->Set("ComputeTime", "ns3::UniformRandomVariable[Min=0.2|Max=0.3]");
        experiment->Set("Duration", "15");
        experiment->Set("EvaluationInterval", "5");
        experiment->Set("OutputDirectory", out);
        const auto result = experiment->RunAll();
        // Alone, a node knows two classes of ten: at most ~20% accuracy.
        NS_TEST_ASSERT_MSG_GT(result.finalMeanAccuracy, 0.5, "well above chance (10%)");
        NS_TEST_ASSERT_MSG_EQ(result.fragmentsMalformed, 0, "no message refused");
        NS_TEST_ASSERT_MSG_NE(
            ReadFile(out + "/summary.json").find("\"algorithm\": \"" + m_algorithm + "\""),
            std::string::npos,
            "the summary names the algorithm");
    }

    std::string m_algorithm;
    std::map<std::string, std::string> m_attributes;
};

/**
 * \ingroup divshare-tests
 * The algorithms test suite.
 */
class DivShareAlgorithmsTestSuite : public TestSuite
{
  public:
    DivShareAlgorithmsTestSuite()
        : TestSuite("divshare-algorithms")
    {
        AddTestCase(new RegularGraphTestCase);
        AddTestCase(new RoundPeersTestCase);
        AddTestCase(new AdPsgdRepliesTestCase);
        AddTestCase(new FragmentsAndFlushTestCase(false));
        AddTestCase(new FragmentsAndFlushTestCase(true));
        AddTestCase(new SynchronousRoundsTestCase("ns3::DpsgdApplication"));
        AddTestCase(new SynchronousRoundsTestCase("ns3::EpidemicLearningApplication"));
        AddTestCase(new AlgorithmLearnsTestCase("divshare", {{"Fragments", "4"}, {"Degree", "3"}}));
        AddTestCase(new AlgorithmLearnsTestCase("swift", {{"Degree", "3"}}));
        AddTestCase(new AlgorithmLearnsTestCase("adpsgd", {{"Degree", "4"}}));
        AddTestCase(new AlgorithmLearnsTestCase("dpsgd", {{"Degree", "3"}}));
        AddTestCase(new AlgorithmLearnsTestCase("el", {{"Degree", "3"}}));
    }
};

/// Static instance that registers the suite.
static DivShareAlgorithmsTestSuite g_divshareAlgorithmsTestSuite;
