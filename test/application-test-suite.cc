/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// End-to-end tests: DivShare nodes training real models over a simulated network.

#include "ns3/divshare-module.h"
#include "ns3/test.h"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace ns3;

namespace
{

/**
 * A small DivShare run: 8 nodes on a star, 2 of them stragglers, a synthetic 10-class task
 * split two classes per node, every node starting from different weights.
 */
ExperimentConfig
SmallRun(uint64_t seed, const std::string& out, uint32_t hidden = 32)
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
    model.initSeed = seed;
    model.samplingSeed = seed;

    ExperimentConfig config;
    config.workload = std::make_shared<ClassificationWorkload>(
        "synthetic",
        train,
        test,
        PartitionShards(train->labels, 8, 2, seed),
        model,
        true);
    config.topology = NetworkTopology::Star(8, DataRate("20Mbps"), MilliSeconds(1),
                                            {{2, DataRate("2Mbps")}});
    config.applicationAttributes = {{"LocalSteps", "10"},
                                    {"ComputeTime", "ns3::UniformRandomVariable[Min=0.2|Max=0.3]"},
                                    {"Fragments", "4"},
                                    {"Degree", "3"}};
    config.simulatedSeconds = 15;
    config.evaluationInterval = 3;
    config.target = 0.5;
    config.seed = seed;
    config.outputDirectory = out;
    return config;
}

std::string
ReadFile(const std::string& path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

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
        const std::string out = std::filesystem::temp_directory_path() / "divshare-test-learns";
        // 5,514 parameters: 3 peers x 22 kB every ~0.25 s exceed a straggler's 2 Mbit/s.
        const auto result = RunExperiment(SmallRun(1, out, 128));
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
        std::filesystem::remove_all(out);
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
        const auto dir = std::filesystem::temp_directory_path();
        const std::string a = dir / "divshare-test-seed-a";
        const std::string b = dir / "divshare-test-seed-b";
        const std::string c = dir / "divshare-test-seed-c";
        RunExperiment(SmallRun(7, a));
        RunExperiment(SmallRun(7, b));
        RunExperiment(SmallRun(8, c));
        for (const char* file : {"/evaluations.csv", "/traffic.csv"})
        {
            const std::string first = ReadFile(a + file);
            NS_TEST_ASSERT_MSG_GT(first.size(), 100, file << " written");
            NS_TEST_ASSERT_MSG_EQ((first == ReadFile(b + file)), true, file << " identical");
            NS_TEST_ASSERT_MSG_EQ((first != ReadFile(c + file)), true, file << " seed-dependent");
        }
        for (const auto& path : {a, b, c})
        {
            std::filesystem::remove_all(path);
        }
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
        auto config = SmallRun(3, "", 256); // 11,018 parameters: 44 kB per model
        config.algorithm = "swift";
        config.applicationAttributes = {{"LocalSteps", "2"},
                                        {"ComputeTime", "ns3::ConstantRandomVariable[Constant=0.2]"},
                                        {"Degree", "3"}};
        config.topology = NetworkTopology::Star(8, DataRate("20Mbps"), MilliSeconds(1),
                                                {{3, DataRate("1Mbps")}});
        config.simulatedSeconds = 6;
        const auto result = RunExperiment(config);
        // Stragglers queue 3 models of 44 kB every 0.2 s but send under 3 per second at 1 Mbit/s.
        NS_TEST_ASSERT_MSG_GT(result.finalMeanIteration, 25, "iterations went on");
        NS_TEST_ASSERT_MSG_LT(result.fragmentsSent,
                              static_cast<uint64_t>(8 * 3 * result.finalMeanIteration * 0.8),
                              "a backlog was left unsent");
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
        AddTestCase(new DeterminismTestCase);
        AddTestCase(new TeardownWithBacklogTestCase);
    }
};

/// Static instance that registers the suite.
static DivShareApplicationTestSuite g_divshareApplicationTestSuite;
