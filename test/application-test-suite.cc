/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// End-to-end tests: DivShare nodes training real models over a simulated network.

/**
 * \defgroup divshare-tests DivShare tests
 * \ingroup divshare
 * The module's test suites.
 */

#include "divshare-test-fixtures.h"

#include "ns3/divshare-module.h"
#include "ns3/ipv4-address-generator.h"
#include "ns3/ipv4.h"
#include "ns3/node-list.h"
#include "ns3/object-vector.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

using namespace ns3;
using namespace ns3::divshare_tests;

namespace
{

/**
 * A small DivShare run: 8 nodes (or more) on a star, 2 of them stragglers, a synthetic
 * 10-class task split two classes per node, every node starting from different weights.
 */
Ptr<ExperimentHelper>
SmallRun(uint64_t seed,
         const std::string& out,
         uint32_t hidden = 32,
         uint32_t nodes = 8,
         double learningRate = 0.05,
         const std::string& algorithm = "divshare")
{
    SyntheticClassificationConfig data;
    data.trainPerClass = 160;
    data.testPerClass = 40;
    data.seed = seed;
    auto train = std::make_shared<ClassificationDataset>();
    auto test = std::make_shared<ClassificationDataset>();
    MakeSyntheticClassification(data, *train, *test);
    ClassifierConfig model;
    model.mlpHidden = hidden;
    model.learningRate = learningRate;
    model.initSeed = seed;
    model.samplingSeed = seed;

    auto experiment = CreateObject<ExperimentHelper>();
    experiment->SetWorkload(
        std::make_shared<ClassificationWorkload>("synthetic",
                                                 train,
                                                 test,
                                                 PartitionShards(train->labels, nodes, 2, seed),
                                                 model,
                                                 true));
    experiment->SetTopology(NetworkTopology::Star(nodes,
                                                  DataRate("20Mbps"),
                                                  MilliSeconds(1),
                                                  {{2, DataRate("2Mbps")}}));
    experiment->Set("Algorithm", algorithm);
    experiment->Set("LocalSteps", "10");
    experiment->Set("ComputeTime", "ns3::UniformRandomVariable[Min=0.2|Max=0.3]");
    if (algorithm == "divshare")
    {
        experiment->Set("Fragments", "4");
    }
    experiment->Set("Degree", "3");
    experiment->Set("Duration", "15");
    experiment->Set("EvaluationInterval", "3");
    experiment->Set("Target", "0.5");
    experiment->Set("Seed", std::to_string(seed));
    experiment->Set("OutputDirectory", out);
    return experiment;
}

/** The most and the mean TCP sockets on a host, lingering ones (TIME_WAIT...) included. */
struct SocketSample
{
    uint32_t peak{0};
    double sum{0};
    uint32_t samples{0};
};

/** Samples the TCP sockets of every host (a node with a DivShare application) every 50 ms. */
void
SampleSockets(SocketSample* sample)
{
    uint32_t hosts = 0;
    double total = 0;
    for (auto node = NodeList::Begin(); node != NodeList::End(); ++node)
    {
        auto tcp = (*node)->GetObject<TcpL4Protocol>();
        if (!tcp || (*node)->GetNApplications() == 0)
        {
            continue;
        }
        ObjectVectorValue sockets;
        tcp->GetAttribute("SocketList", sockets);
        sample->peak = std::max(sample->peak, static_cast<uint32_t>(sockets.GetN()));
        total += sockets.GetN();
        ++hosts;
    }
    if (hosts > 0)
    {
        sample->sum += total / hosts;
        ++sample->samples;
    }
    Simulator::Schedule(MilliSeconds(50), &SampleSockets, sample);
}

} // namespace

/**
 * \ingroup divshare-tests
 * Node dynamics from the Events attribute: a node that joins is absent (not evaluated, not
 * training) until then, one that leaves stops and drops out of the evaluations, one that
 * disconnects keeps training but cannot send until it reconnects; membership.csv lists it
 * all, the mean rows count the nodes they average, and the others learn on.
 */
class NodeDynamicsTestCase : public TestCase
{
  public:
    NodeDynamicsTestCase()
        : TestCase("nodes join, leave, disconnect and reconnect mid-run")
    {
    }

  private:
    /** Rows of a CSV file (header included), split at commas. */
    static std::vector<std::vector<std::string>> Rows(const std::string& path)
    {
        std::vector<std::vector<std::string>> rows;
        std::istringstream in(ReadFile(path));
        for (std::string line; std::getline(in, line);)
        {
            std::vector<std::string> cells;
            std::istringstream cellsIn(line);
            for (std::string cell; std::getline(cellsIn, cell, ',');)
            {
                cells.push_back(cell);
            }
            if (!line.empty() && line.back() == ',')
            {
                cells.emplace_back();
            }
            rows.push_back(cells);
        }
        return rows;
    }

    void DoRun() override
    {
        const TempDir dir("test-node-dynamics");
        const std::string out = dir.Path();
        auto experiment = SmallRun(1, out, 128, 12);
        // Joining at 5 s: peers give up connecting to it (ConnectTimeout) just after it
        // starts listening, which used to crash ns-3's TCP (see ModelTransport::Retire).
        experiment->Set("Events", "5s join 5; 7s leave node3; 2s disconnect 4; 8s reconnect 4");
        const auto result = experiment->RunAll();
        NS_TEST_ASSERT_MSG_GT(result.finalMeanAccuracy, 0.4, "the others learn (chance: 0.1)");

        const auto membership = Rows(out + "/membership.csv");
        NS_TEST_ASSERT_MSG_EQ(membership.size(), 1 + 11 + 4, "header, 11 starts, 4 events");
        const std::vector<std::vector<std::string>> changes{{"2", "4", "disconnect"},
                                                            {"5", "5", "join"},
                                                            {"7", "3", "leave"},
                                                            {"8", "4", "reconnect"}};
        for (std::size_t i = 0; i < changes.size(); ++i)
        {
            NS_TEST_ASSERT_MSG_EQ((membership[12 + i] == changes[i]),
                                  true,
                                  "membership row " << 12 + i);
        }

        std::map<std::string, std::string> evaluated; // time -> evaluated_nodes of the mean
        for (const auto& row : Rows(out + "/evaluations.csv"))
        {
            if (row.size() == 8 && row[1] == "mean")
            {
                evaluated[row[0]] = row[7];
            }
        }
        NS_TEST_ASSERT_MSG_EQ(evaluated["0"], "11", "node 5 absent at the start");
        NS_TEST_ASSERT_MSG_EQ(evaluated["3"], "11", "still absent");
        NS_TEST_ASSERT_MSG_EQ(evaluated["6"], "12", "node 5 joined");
        NS_TEST_ASSERT_MSG_EQ(evaluated["9"], "11", "node 3 left");
        NS_TEST_ASSERT_MSG_EQ(evaluated["15"], "11", "and stays away");

        const auto traffic = Rows(out + "/traffic.csv");
        auto column = [&](uint32_t node, const std::string& name) {
            const auto& header = traffic[0];
            const auto at = std::find(header.begin(), header.end(), name) - header.begin();
            return std::stod(traffic[1 + node][at]);
        };
        const double steady = column(0, "iterations");
        NS_TEST_ASSERT_MSG_LT(column(3, "iterations"), 0.6 * steady, "the leaver stopped at 7 s");
        NS_TEST_ASSERT_MSG_LT(column(5, "iterations"), 0.8 * steady, "the joiner started at 5 s");
        NS_TEST_ASSERT_MSG_GT(column(5, "iterations"), 0.5 * steady, "and trained from then on");
        NS_TEST_ASSERT_MSG_GT(column(4, "iterations"), 0.9 * steady, "disconnected, it trains");
        // 6 of its 15 s without links: well below the others' traffic (about 3.4 MB each).
        NS_TEST_ASSERT_MSG_LT(column(4, "bytes_sent"),
                              0.75 * column(0, "bytes_sent"),
                              "but it sent nothing meanwhile");
        NS_TEST_ASSERT_MSG_LT(column(4, "bytes_received"),
                              0.75 * column(0, "bytes_received"),
                              "nor received");
    }
};

/**
 * \ingroup divshare-tests
 * With a membership view, nodes stop drawing peers that crashed once they learn of it
 * (MembershipDelay after the crash), so far fewer of their messages go to the dead than
 * without one; without departures the view changes nothing (byte-identical results).
 */
class MembershipViewTestCase : public TestCase
{
  public:
    MembershipViewTestCase()
        : TestCase("a membership view stops draws to crashed peers; without departures it "
                   "changes nothing")
    {
    }

  private:
    /** Messages the healthy nodes 0..7 lost to unreachable peers, after 4 of 12 crash. */
    static double LostToTheDead(const std::string& delay, const std::string& out)
    {
        auto experiment = SmallRun(2, out, 32, 12);
        experiment->Set("Crashes", "8@3s,9@3s,10@3s,11@3s");
        experiment->Set("MembershipDelay", delay);
        experiment->RunAll();
        std::istringstream traffic(ReadFile(out + "/traffic.csv"));
        std::string line;
        std::getline(traffic, line);
        double lost = 0;
        for (uint32_t node = 0; node < 8 && std::getline(traffic, line); ++node)
        {
            std::vector<std::string> cells;
            std::istringstream in(line);
            for (std::string cell; std::getline(in, cell, ',');)
            {
                cells.push_back(cell);
            }
            lost += std::stod(cells[10]) + std::stod(cells[14]); // failed + unreachable
        }
        return lost;
    }

    void DoRun() override
    {
        const TempDir dir("test-view");
        const double blind = LostToTheDead("0s", dir.File("blind"));
        const double viewed = LostToTheDead("1s", dir.File("viewed"));
        std::cout << "messages lost to crashed peers: " << blind << " without a view, " << viewed
                  << " with a 1-s view" << std::endl;
        NS_TEST_ASSERT_MSG_GT(blind, 20, "without a view, the dead keep being drawn");
        NS_TEST_ASSERT_MSG_LT(viewed, 0.25 * blind, "with one, only until they are known dead");

        for (const auto* delay : {"0s", "1s"})
        {
            auto experiment = SmallRun(2, dir.File(std::string("static-") + delay), 32, 12);
            experiment->Set("MembershipDelay", delay);
            experiment->RunAll();
        }
        NS_TEST_ASSERT_MSG_EQ(ReadFile(dir.File("static-0s/evaluations.csv")),
                              ReadFile(dir.File("static-1s/evaluations.csv")),
                              "no departure: the same run");
    }
};

/**
 * \ingroup divshare-tests
 * The transport's connection pool bounds the sockets a node holds, whatever the node count:
 * with MaxConnections = 4, a host of a 48-node run holds no more sockets than one of a
 * 12-node run, and far fewer than without a limit, where every host ends up connected to
 * every peer, by one connection per pair that carries both directions; the nodes learn as
 * well.
 */
class SocketsBoundedTestCase : public TestCase
{
  public:
    SocketsBoundedTestCase()
        : TestCase("sockets per node stay bounded as the node count grows")
    {
    }

  private:
    /** Run nodes nodes with a pool of maxConnections; return their socket sample. */
    SocketSample Sockets(uint32_t nodes, uint32_t maxConnections, double* accuracy)
    {
        auto experiment = SmallRun(3, "", 32, nodes);
        experiment->Set("MaxConnections", std::to_string(maxConnections));
        experiment->Set("Duration", "8");
        SocketSample sample;
        Simulator::Schedule(Seconds(0), &SampleSockets, &sample);
        *accuracy = experiment->RunAll().finalMeanAccuracy;
        return sample;
    }

    void DoRun() override
    {
        double accuracy12 = 0;
        double accuracy48 = 0;
        double unlimitedAccuracy = 0;
        const auto small = Sockets(12, 4, &accuracy12);
        const auto large = Sockets(48, 4, &accuracy48);
        const auto unlimited = Sockets(48, 0, &unlimitedAccuracy);
        const auto mean = [](const SocketSample& s) { return s.sum / s.samples; };
        std::cout << "TCP sockets per host, peak / mean: 12 nodes " << small.peak << " / "
                  << mean(small) << ", 48 nodes " << large.peak << " / " << mean(large)
                  << ", 48 nodes without a limit " << unlimited.peak << " / " << mean(unlimited)
                  << std::endl;
        NS_TEST_ASSERT_MSG_GT(unlimited.peak, 40, "without a limit: with almost every peer");
        // 47 peers, the listener and a few closing: not one connection per direction (94).
        NS_TEST_ASSERT_MSG_LT_OR_EQ(unlimited.peak, 48 + 4, "one connection per pair");
        NS_TEST_ASSERT_MSG_LT_OR_EQ(mean(large),
                                    1.25 * mean(small),
                                    "bounded: the mean does not grow with the node count");
        NS_TEST_ASSERT_MSG_LT_OR_EQ(large.peak, small.peak + 8, "bounded: nor does the peak, much");
        NS_TEST_ASSERT_MSG_LT(3 * mean(large), mean(unlimited), "far below no limit");
        NS_TEST_ASSERT_MSG_GT(accuracy48, 0.4, "the pooled run learns (chance: 0.1)");
        NS_TEST_ASSERT_MSG_EQ_TOL(accuracy48, unlimitedAccuracy, 0.1, "about as well");
    }
};

/**
 * \ingroup divshare-tests
 * DivShare nodes with two classes each learn all ten together, far above chance, and their
 * models move towards consensus.
 */
class DivShareLearnsTestCase : public TestCase
{
  public:
    DivShareLearnsTestCase()
        : TestCase("DivShare nodes learn far above chance and approach consensus")
    {
    }

  private:
    void DoRun() override
    {
        const TempDir dir("test-learns");
        const std::string out = dir.Path();
        // 5,514 parameters: 3 peers x 22 kB every ~0.25 s exceed a straggler's 2 Mbit/s.
        const auto result = SmallRun(1, out, 128)->RunAll();
        // Alone, a node knows two classes of ten: at most ~20% accuracy.
        NS_TEST_ASSERT_MSG_GT(result.finalMeanAccuracy, 0.5, "well above chance (10%)");
        NS_TEST_ASSERT_MSG_GT(result.initialConsensusDistance, 0.0, "distinct initial models");
        NS_TEST_ASSERT_MSG_LT(result.finalConsensusDistance,
                              0.5 * result.initialConsensusDistance,
                              "models closer to consensus than at the start");
        NS_TEST_ASSERT_MSG_GT(result.finalMeanIteration, 40, "iterations of ~0.25 s in 15 s");
        NS_TEST_ASSERT_MSG_GT(result.fragmentsSent, 0, "fragments crossed the network");
        NS_TEST_ASSERT_MSG_GT(result.fragmentsFlushed, 0, "stragglers flushed unsent fragments");
        NS_TEST_ASSERT_MSG_EQ(result.fragmentsMalformed, 0, "no malformed traffic");
        NS_TEST_ASSERT_MSG_EQ(result.timeToTarget.has_value(), true, "target 0.5 reached");

        // The outputs exist and carry their published columns.
        const std::string header = ReadFile(out + "/evaluations.csv").substr(0, 30);
        NS_TEST_ASSERT_MSG_EQ(header.rfind("time_s,node,iteration,accuracy", 0),
                              0,
                              "evaluations.csv header");
        NS_TEST_ASSERT_MSG_EQ(ReadFile(out + "/traffic.csv").rfind("node,iterations,bytes_sent", 0),
                              0,
                              "traffic.csv header");
        const std::string summary = ReadFile(out + "/summary.json");
        for (const char* key : {"\"algorithm\": \"divshare\"",
                                "\"nodes\": 8",
                                "\"simulated_seconds\"",
                                "\"wall_seconds\"",
                                "\"final_mean_accuracy\"",
                                "\"time_to_target_s\""})
        {
            NS_TEST_ASSERT_MSG_NE(summary.find(key), std::string::npos, "summary has " << key);
        }
    }
};

/**
 * \ingroup divshare-tests
 * The same seed gives byte-identical evaluations and traffic; another seed does not.
 */
class DeterminismTestCase : public TestCase
{
  public:
    DeterminismTestCase()
        : TestCase("the same seed gives byte-identical CSV files")
    {
    }

  private:
    void DoRun() override
    {
        const TempDir dir("test-seed");
        const std::string a = dir.File("a");
        const std::string b = dir.File("b");
        const std::string c = dir.File("c");
        SmallRun(7, a)->RunAll();
        SmallRun(7, b)->RunAll();
        SmallRun(8, c)->RunAll();
        for (const char* file : {"/evaluations.csv", "/traffic.csv"})
        {
            const std::string first = ReadFile(a + file);
            NS_TEST_ASSERT_MSG_GT(first.size(), 100, file << " written");
            NS_TEST_ASSERT_MSG_EQ((first == ReadFile(b + file)), true, file << " identical");
            NS_TEST_ASSERT_MSG_EQ((first != ReadFile(c + file)), true, file << " seed-dependent");
        }
    }
};

/**
 * \ingroup divshare-tests
 * Attribute values ns-3 would abort or crash on are refused before the run, with the
 * attribute, the value and what is allowed.
 */
class BadAttributeTestCase : public TestCase
{
  public:
    BadAttributeTestCase()
        : TestCase("bad attribute values are refused before the run")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<std::pair<std::string, std::string>> cases{
            {"Degree", "0"},
            {"Fragments", "1.5"},
            {"LocalSteps", "-3"},
            {"ComputeTime", "garbage"},
            {"ComputeTime", "ns3::UniformRandomVariable[Min=abc]"},
            {"ComputeTime", "ns3::UniformRandomVariable[Nope=1]"}};
        for (const auto& [name, value] : cases)
        {
            std::string message;
            try
            {
                auto experiment = SmallRun(1, "");
                experiment->Set(name, value);
                experiment->RunAll();
            }
            catch (const std::invalid_argument& error)
            {
                message = error.what();
            }
            NS_TEST_ASSERT_MSG_NE(message.find(name + " = '" + value + "'"),
                                  std::string::npos,
                                  "refused, naming the attribute: " << message);
        }
        std::string message;
        try
        {
            SmallRun(1, "")->Set("MaxConcurrentTransfers", "0");
        }
        catch (const std::invalid_argument& error)
        {
            message = error.what();
        }
        NS_TEST_ASSERT_MSG_NE(message.find("expected uint32_t 1:"),
                              std::string::npos,
                              "says what is allowed: " << message);

        // Values each attribute accepts alone, but not together with the run: refused
        // before the simulation starts, not at the first iteration.
        struct CrossCase
        {
            std::string algorithm;
            std::string attribute;
            std::string value;
            uint32_t nodes;
            std::string words;
        };

        const std::vector<CrossCase> crossCases{
            {"divshare", "Degree", "8", 8, "Degree = 8 needs more than 8 learning nodes"},
            {"swift", "Degree", "9", 8, "Degree = 9 needs more than 9"},
            {"el", "Degree", "8", 8, "Degree = 8 needs more than 8"},
            {"adpsgd", "Degree", "1", 8, "Degree must be at least 2"},
            {"dpsgd", "Degree", "3", 7, "nodes x Degree even"},
            {"dpsgd", "Degree", "1", 8, "fall apart"},
            {"divshare", "Fragments", "1000000", 8, "exceeds the model's"},
            {"divshare",
             "ComputeTime",
             "ns3::UniformRandomVariable[Min=-1|Max=1]",
             8,
             "Min = -1.000000 draws negative durations"},
            {"swift",
             "ComputeTime",
             "ns3::ConstantRandomVariable[Constant=-0.1]",
             8,
             "draws negative durations"},
            {"divshare",
             "ComputeTime",
             "ns3::NormalRandomVariable[Mean=1|Variance=0.1]",
             8,
             "set Bound"},
        };
        for (const auto& c : crossCases)
        {
            std::string crossMessage;
            try
            {
                auto experiment = SmallRun(1, "", 32, c.nodes, 0.05, c.algorithm);
                experiment->Set(c.attribute, c.value);
                experiment->RunAll();
            }
            catch (const std::invalid_argument& error)
            {
                crossMessage = error.what();
            }
            Simulator::Destroy();
            NS_TEST_ASSERT_MSG_NE(crossMessage.find(c.words),
                                  std::string::npos,
                                  c.algorithm << " " << c.attribute << " = " << c.value
                                              << ": refused, saying '" << c.words
                                              << "': " << crossMessage);
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup divshare-tests
 * Models that diverge are written as nan, not as the empty cells of columns that do not
 * apply, and counted in summary.json.
 */
class DivergenceTestCase : public TestCase
{
  public:
    DivergenceTestCase()
        : TestCase("diverged losses are written as nan and counted")
    {
    }

  private:
    void DoRun() override
    {
        const TempDir dir("test-divergence");
        const std::string out = dir.Path();
        auto experiment = SmallRun(1, out, 32, 4, 1e12);
        experiment->Set("Duration", "3");
        const auto result = experiment->RunAll();
        NS_TEST_ASSERT_MSG_EQ(result.divergedNodes, 4, "every model diverged");
        std::istringstream csv(ReadFile(out + "/evaluations.csv"));
        std::string line;
        std::getline(csv, line);
        std::string last;
        uint32_t nanLosses = 0;
        while (std::getline(csv, line))
        {
            std::vector<std::string> cells;
            std::stringstream row(line);
            for (std::string cell; std::getline(row, cell, ',');)
            {
                cells.push_back(cell);
            }
            cells.resize(7);
            nanLosses += cells[4] == "nan" || cells[4] == "inf" ? 1 : 0;
            // mae does not apply to classification; consensus only to mean rows.
            NS_TEST_ASSERT_MSG_EQ(cells[5], "", "mae left empty: " << line);
            const bool meanRow = cells[1] == "mean";
            NS_TEST_ASSERT_MSG_EQ(cells[6].empty(), !meanRow, "consensus: " << line);
        }
        NS_TEST_ASSERT_MSG_GT(nanLosses, 4, "diverged losses written as nan: " << nanLosses);
        NS_TEST_ASSERT_MSG_NE(ReadFile(out + "/summary.json").find("\"diverged_nodes\": 4"),
                              std::string::npos,
                              "counted in summary.json");
    }
};

/**
 * \ingroup divshare-tests
 * Nodes that vanish mid-run (their interfaces go down, as a crash looks to their peers) cost
 * the healthy nodes little: their transfers to the dead fail after ConnectTimeout and their
 * messages for them are dropped, so the healthy nodes keep exchanging and learning. Without
 * the timeout, transfers to the dead hold every slot while TCP retries its SYNs.
 */
class CrashedPeersTestCase : public TestCase
{
  public:
    CrashedPeersTestCase()
        : TestCase("nodes that crash mid-run do not stop the healthy nodes from learning")
    {
    }

  private:
    /** Mean final accuracy of the healthy nodes when the last `crashed` crash at 3 s. */
    static double HealthyAccuracy(uint32_t crashed, const std::string& timeout)
    {
        auto experiment = SmallRun(4, "", 32, 16);
        experiment->Set("ConnectTimeout", timeout);
        experiment->Set("StallTimeout", timeout);
        experiment->Set("Duration", "20");
        std::string crashes;
        for (uint32_t i = 16 - crashed; i < 16; ++i)
        {
            crashes += (crashes.empty() ? "" : ",") + std::to_string(i) + "@3s";
        }
        experiment->Set("Crashes", crashes);
        experiment->InstallApplications();
        const auto& hosts = experiment->GetNetwork().hosts;
        experiment->Run();
        const auto& records = experiment->GetMonitor().GetRecords();
        const double end = records.back().timeSeconds;
        double sum = 0;
        uint32_t count = 0;
        for (uint32_t i = 0; i < hosts.GetN(); ++i)
        {
            const bool halted =
                DynamicCast<DecentralizedLearningApplication>(experiment->GetApplications().Get(i))
                    ->IsHalted();
            NS_ABORT_MSG_IF(halted != (i >= hosts.GetN() - crashed), "the crashed nodes halted");
        }
        for (const auto& r : records)
        {
            if (r.timeSeconds == end && r.node >= 0 &&
                static_cast<uint32_t>(r.node) < hosts.GetN() - crashed)
            {
                sum += r.accuracy;
                ++count;
            }
        }
        Simulator::Destroy();
        return sum / count;
    }

    void DoRun() override
    {
        const double healthy = HealthyAccuracy(0, "1s");
        const double withTimeouts = HealthyAccuracy(4, "1s");
        const double withoutTimeouts = HealthyAccuracy(4, "0s");
        std::cout << "healthy nodes' final accuracy: no crash " << healthy << ", 4 of 16 crashed "
                  << withTimeouts << " (ConnectTimeout and StallTimeout 1 s), " << withoutTimeouts
                  << " (neither)" << std::endl;
        NS_TEST_ASSERT_MSG_GT(healthy, 0.5, "the run learns");
        NS_TEST_ASSERT_MSG_GT(withTimeouts, healthy - 0.1, "crashes cost the healthy little");
        NS_TEST_ASSERT_MSG_LT(withoutTimeouts, withTimeouts - 0.2, "held slots cost far more");
    }
};

/**
 * \ingroup divshare-tests
 * A transport given through the Transport attribute replaces the one the application made
 * and is the one that carries the models.
 */
class TransportAttributeTestCase : public TestCase
{
  public:
    TransportAttributeTestCase()
        : TestCase("a transport set through the Transport attribute carries the models")
    {
    }

  private:
    void DoRun() override
    {
        auto experiment = SmallRun(1, "", 32, 4);
        experiment->Prepare();
        Ipv4AddressGenerator::Reset();
        const InstalledTopology network = TopologyHelper().Install(experiment->GetTopology());
        DecentralizedLearningHelper helper("ns3::SwiftApplication");
        helper.SetAttribute("Degree", UintegerValue(2));
        helper.SetAttribute("LocalSteps", UintegerValue(2));
        ApplicationContainer apps =
            helper.Install(network.hosts, network.addresses, *experiment->GetWorkload());
        std::vector<Ptr<ModelTransport>> replacements;
        for (uint32_t i = 0; i < apps.GetN(); ++i)
        {
            auto replacement = CreateObject<ModelTransport>();
            apps.Get(i)->SetAttribute("Transport", PointerValue(replacement));
            replacements.push_back(replacement);
        }
        uint32_t aggregated = 0;
        for (uint32_t i = 0; i < apps.GetN(); ++i)
        {
            apps.Get(i)->TraceConnectWithoutContext(
                "AggregationDone",
                MakeBoundCallback(
                    +[](uint32_t* count, uint32_t, uint32_t fragments, uint32_t) {
                        *count += fragments;
                    },
                    &aggregated));
        }
        apps.Start(Seconds(0));
        apps.Stop(Seconds(5));
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        uint64_t received = 0;
        for (uint32_t i = 0; i < apps.GetN(); ++i)
        {
            auto app = DynamicCast<DecentralizedLearningApplication>(apps.Get(i));
            NS_TEST_ASSERT_MSG_EQ(app->GetTransport(), replacements[i], "the replacement");
            received += replacements[i]->GetCounters().messagesReceived;
        }
        Simulator::Destroy();
        NS_TEST_ASSERT_MSG_GT(received, 8, "the replacements carried the models");
        NS_TEST_ASSERT_MSG_GT(aggregated, 8, "and the applications averaged what came");
    }
};

/**
 * \ingroup divshare-tests
 * Training and evaluation on LearningWorkerPool workers change nothing but the wall time:
 * 1, 2 and 3 workers (more than this machine's cores) give byte-identical CSV files, for the
 * MLP and for GN-LeNet (convolutions through oneDNN).
 */
class WorkerCountTestCase : public TestCase
{
  public:
    WorkerCountTestCase()
        : TestCase("results do not depend on the number of LibTorch workers")
    {
    }

  private:
    void DoRun() override
    {
        // GN-LeNet on 3x32x32 Gaussian-mixture samples: 4 nodes, a few iterations.
        auto lenet = SmallRun(5, "");
        {
            SyntheticClassificationConfig data;
            data.dimensions = 3 * 32 * 32;
            data.trainPerClass = 8;
            data.testPerClass = 4;
            data.seed = 5;
            auto train = std::make_shared<ClassificationDataset>();
            auto test = std::make_shared<ClassificationDataset>();
            MakeSyntheticClassification(data, *train, *test);
            train->sampleShape = test->sampleShape = {3, 32, 32};
            ClassifierConfig model;
            model.model = "gn-lenet";
            lenet->SetWorkload(
                std::make_shared<ClassificationWorkload>("synthetic",
                                                         train,
                                                         test,
                                                         PartitionShards(train->labels, 4, 2, 5),
                                                         model,
                                                         true));
            lenet->SetTopology(NetworkTopology::Star(4, DataRate("20Mbps"), MilliSeconds(1), {}));
            lenet->Set("LocalSteps", "3");
            lenet->Set("Degree", "2");
            lenet->Set("Duration", "2");
            lenet->Set("EvaluationInterval", "0.5");
        }
        const TempDir dir("test-workers");
        for (auto [name, config] :
             {std::make_pair("mlp", SmallRun(7, "")), std::make_pair("gn-lenet", lenet)})
        {
            std::vector<std::string> outputs;
            for (uint32_t workers : {1, 2, 3})
            {
                outputs.push_back(dir.File(name + std::to_string(workers)));
                auto run = config->Clone();
                run->Set("OutputDirectory", outputs.back());
                SetLearningWorkers(workers, 1);
                const auto result = run->RunAll();
                NS_TEST_ASSERT_MSG_EQ(LearningWorkerPool::Get().GetWorkers(),
                                      workers,
                                      "the pool has the workers asked for");
                NS_TEST_ASSERT_MSG_GT(result.finalMeanIteration, 2, name << " iterated");
            }
            for (const char* file : {"/evaluations.csv", "/traffic.csv"})
            {
                const std::string one = ReadFile(outputs[0] + file);
                NS_TEST_ASSERT_MSG_GT(one.size(), 100, name << file << " written");
                for (std::size_t k = 1; k < outputs.size(); ++k)
                {
                    NS_TEST_ASSERT_MSG_EQ((one == ReadFile(outputs[k] + file)),
                                          true,
                                          name << file << " with " << k + 1 << " workers");
                }
            }
        }
        SetLearningWorkers(0, 1); // the defaults
    }
};

/**
 * \ingroup divshare-tests
 * A run that ends with send backlogs and transfers under way (Swift never flushes, and its
 * stragglers cannot keep up) tears down cleanly: closing sockets with unread data must not
 * call back into the transports that are closing them.
 */
class TeardownWithBacklogTestCase : public TestCase
{
  public:
    TeardownWithBacklogTestCase()
        : TestCase("a run ending with send backlogs and transfers under way tears down cleanly")
    {
    }

  private:
    void DoRun() override
    {
        // 11,018 parameters: 44 kB per model
        auto experiment = SmallRun(3, "", 256, 8, 0.05, "swift");
        experiment->Set("LocalSteps", "2");
        experiment->Set("ComputeTime", "ns3::ConstantRandomVariable[Constant=0.2]");
        experiment->SetTopology(NetworkTopology::Star(8,
                                                      DataRate("20Mbps"),
                                                      MilliSeconds(1),
                                                      {{3, DataRate("1Mbps")}}));
        experiment->Set("Duration", "6");
        const auto result = experiment->RunAll();
        // Stragglers queue 3 models of 44 kB every 0.2 s but send under 3 per second at 1 Mbit/s.
        NS_TEST_ASSERT_MSG_GT(result.finalMeanIteration, 25, "iterations went on");
        NS_TEST_ASSERT_MSG_LT(result.fragmentsSent,
                              static_cast<uint64_t>(8 * 3 * result.finalMeanIteration * 0.8),
                              "a backlog was left unsent");
    }
};

/**
 * \ingroup divshare-tests
 * A partition study: two islands of a network that no link joins are refused unless
 * AllowIslands; allowed, each learns apart and sends across count as unreachable. A join
 * the run does not reach keeps its node absent, and the summary counts it.
 */
class IslandsTestCase : public TestCase
{
  public:
    IslandsTestCase()
        : TestCase("islands learn apart when allowed; events at 0 s hold, after the end are "
                   "not reached")
    {
    }

  private:
    void DoRun() override
    {
        const TempDir dir("test-islands");
        std::istringstream text("router l\nrouter r\nhosts a 4 l rate=20Mbps delay=1ms\n"
                                "hosts b 4 r rate=20Mbps delay=1ms\n");
        const auto islands = TopologyFileReader::Parse(text, "islands.topo").topology;
        auto refused = SmallRun(3, dir.File("refused"));
        refused->SetTopology(islands);
        std::string error;
        try
        {
            refused->Prepare();
        }
        catch (const std::invalid_argument& e)
        {
            error = e.what();
        }
        const bool says = error.find("2 islands") != std::string::npos &&
                          error.find("AllowIslands = true") != std::string::npos;
        NS_TEST_ASSERT_MSG_EQ(says, true, "refused by default, saying how to allow it: " << error);

        const std::string out = dir.File("islands");
        auto run = SmallRun(3, out);
        run->SetTopology(islands);
        run->Set("AllowIslands", "true");
        run->Set("Events", "2s leave 0; 50s join 7; 90s crash 1; 0s leave 2; 0s crash 3");
        const auto result = run->RunAll();
        const std::string summary = ReadFile(out + "/summary.json");
        NS_TEST_ASSERT_MSG_NE(summary.find("\"islands\": 2"), std::string::npos, summary);
        NS_TEST_ASSERT_MSG_NE(summary.find("\"network_events_not_reached\": 2"),
                              std::string::npos,
                              summary);
        NS_TEST_ASSERT_MSG_EQ(ReadFile(out + "/membership.csv").find("7,start"),
                              std::string::npos,
                              "node 7 never joins");
        std::istringstream traffic(ReadFile(out + "/traffic.csv"));
        std::string line;
        std::getline(traffic, line);
        double unreachable = 0;
        std::vector<double> iterations;
        while (std::getline(traffic, line))
        {
            std::vector<std::string> cells;
            std::istringstream in(line);
            for (std::string cell; std::getline(in, cell, ',');)
            {
                cells.push_back(cell);
            }
            iterations.push_back(std::stod(cells[1]));
            unreachable += std::stod(cells[10]) + std::stod(cells[14]); // failed + unreachable
        }
        NS_TEST_ASSERT_MSG_EQ(iterations.size(), 8, "8 nodes");
        NS_TEST_ASSERT_MSG_EQ(iterations[7], 0, "the late node never ran");
        NS_TEST_ASSERT_MSG_GT(iterations[6], 20, "its island went on");
        NS_TEST_ASSERT_MSG_GT(iterations[1], 20, "so did the other");
        NS_TEST_ASSERT_MSG_LT(iterations[0], 12, "node 0 left at 2 s");
        NS_TEST_ASSERT_MSG_EQ(iterations[2] + iterations[3], 0, "left and crashed at 0 s");
        NS_TEST_ASSERT_MSG_GT(unreachable, 10, "sends to the other island are unreachable");
        NS_TEST_ASSERT_MSG_GT(result.finalMeanAccuracy, 0.2, "the islands learn");
        NS_TEST_ASSERT_MSG_EQ(result.Final(0.5), "0.5", "a final mean as text");
        ExperimentResult nobody = result;
        nobody.finalEvaluatedNodes = 0; // as when every node has left: the mean of nothing
        NS_TEST_ASSERT_MSG_EQ(nobody.Final(std::nan("")).find("no node was left"),
                              0 + std::string("none (").size(),
                              "said, not printed as nan");
    }
};

/**
 * \ingroup divshare-tests
 * The application-level test suite.
 */
class DivShareApplicationTestSuite : public TestSuite
{
  public:
    DivShareApplicationTestSuite()
        : TestSuite("divshare-application")
    {
        AddTestCase(new DivShareLearnsTestCase);
        AddTestCase(new DeterminismTestCase, Extensive<TestCase>(0)); // several seconds
        AddTestCase(new WorkerCountTestCase, Extensive<TestCase>(0)); // several seconds
        AddTestCase(new BadAttributeTestCase);
        AddTestCase(new TransportAttributeTestCase);
        AddTestCase(new DivergenceTestCase);
        AddTestCase(new CrashedPeersTestCase, Extensive<TestCase>(0));   // several seconds
        AddTestCase(new NodeDynamicsTestCase, Extensive<TestCase>(0));   // several seconds
        AddTestCase(new MembershipViewTestCase, Extensive<TestCase>(0)); // several seconds
        AddTestCase(new SocketsBoundedTestCase, Extensive<TestCase>(0)); // several seconds
        AddTestCase(new TeardownWithBacklogTestCase);
        AddTestCase(new IslandsTestCase);
    }
};

/// Static instance that registers the suite.
static DivShareApplicationTestSuite g_divshareApplicationTestSuite;
