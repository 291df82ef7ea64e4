/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of scenario files: every shipped scenario parses; bad ones are refused clearly.

#include "ns3/scenario-experiment.h"
#include "ns3/scenario.h"
#include "ns3/test.h"

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace ns3;

namespace
{

/** The message of the ScenarioError that parsing text throws, or "" if it parses. */
std::string
ParseError(const std::string& text)
{
    try
    {
        Scenario::FromText(text, "bad.scenario");
    }
    catch (const ScenarioError& error)
    {
        return error.what();
    }
    return "";
}

/** The message of the error that building an experiment from text throws, or "". */
std::string
BuildError(const std::string& text)
{
    try
    {
        MakeExperimentConfig(Scenario::FromText(text, "bad.scenario"));
    }
    catch (const std::exception& error)
    {
        return error.what();
    }
    return "";
}

} // namespace

/**
 * \ingroup divshare-tests
 * Every file in scenarios/ parses, and its keys hold what the file says.
 */
class ShippedScenariosTestCase : public TestCase
{
  public:
    ShippedScenariosTestCase()
        : TestCase("every shipped scenario file is accepted")
    {
    }

  private:
    void DoRun() override
    {
        const std::filesystem::path folder =
            std::filesystem::path(NS_TEST_SOURCEDIR) / ".." / "scenarios";
        NS_TEST_ASSERT_MSG_EQ(std::filesystem::is_directory(folder), true, folder << " exists");
        uint32_t files = 0;
        for (const auto& entry : std::filesystem::directory_iterator(folder))
        {
            if (entry.path().extension() != ".scenario")
            {
                continue;
            }
            ++files;
            std::string error;
            try
            {
                const auto scenario = Scenario::FromFile(entry.path().string());
                NS_TEST_ASSERT_MSG_EQ(scenario.IsSet("name"), true, entry.path() << " has a name");
            }
            catch (const ScenarioError& e)
            {
                error = e.what();
            }
            NS_TEST_ASSERT_MSG_EQ(error, "", entry.path() << " parses");
        }
        NS_TEST_ASSERT_MSG_GT(files, 0, "scenario files found");

        const auto qs = Scenario::FromFile((folder / "quickstart.scenario").string());
        NS_TEST_ASSERT_MSG_EQ(qs.GetUint("nodes"), 16, "nodes");
        NS_TEST_ASSERT_MSG_EQ(qs.Get("straggler_rate"), "2Mbps", "straggler rate");
        NS_TEST_ASSERT_MSG_EQ(qs.GetBool("flush"), true, "flush");
        NS_TEST_ASSERT_MSG_EQ(qs.GetUint("test_samples"), 0, "default kept");
        const auto config = MakeExperimentConfig(qs);
        NS_TEST_ASSERT_MSG_EQ(config.topology.hosts.size(), 16, "16 hosts");
        NS_TEST_ASSERT_MSG_EQ(config.topology.hosts[15].uplink, DataRate("2Mbps"), "straggler");
        NS_TEST_ASSERT_MSG_EQ(config.applicationAttributes.at("Fragments"), "10", "Ω");
        NS_TEST_ASSERT_MSG_EQ(config.workload->GetNodeCount(), 16, "workload partitioned");
    }
};

/**
 * \ingroup divshare-tests
 * Unknown keys, wrong types, impossible values and inconsistent combinations are refused
 * with a message naming the place, the key and what is allowed.
 */
class BadScenarioTestCase : public TestCase
{
  public:
    BadScenarioTestCase()
        : TestCase("bad scenarios are refused with messages naming line, key and fix")
    {
    }

  private:
    void Expect(const std::string& error, const std::vector<std::string>& parts)
    {
        NS_TEST_ASSERT_MSG_NE(error, "", "an error was raised");
        for (const auto& part : parts)
        {
            NS_TEST_ASSERT_MSG_NE(error.find(part), std::string::npos, "'" << error << "' names " << part);
        }
    }

    void DoRun() override
    {
        Expect(ParseError("seed = 1\n\nnodez = 4\n"), {"bad.scenario:3", "unknown key 'nodez'", "nodes"});
        Expect(ParseError("nodes = ten\n"), {"bad.scenario:1", "nodes", "whole number"});
        Expect(ParseError("nodes = 1\n"), {"nodes", "between 2"});
        Expect(ParseError("degree = 2.5\n"), {"degree", "whole number"});
        Expect(ParseError("algorithm = sgd\n"), {"algorithm", "divshare, adpsgd, swift, dpsgd, el"});
        Expect(ParseError("rate = fast\n"), {"bad.scenario:1", "rate = 'fast'", "Mbps"});
        Expect(ParseError("delay = 1 parsec\n"), {"delay = '1 parsec'", "unit"});
        Expect(ParseError("flush = yes\n"), {"flush", "true or false"});
        Expect(ParseError("compute_time = ns3::Nothing[Constant=1]\n"), {"compute_time", "not an ns-3 random variable"});
        Expect(ParseError("compute_time = ns3::ConstantRandomVariable[Mean=1]\n"), {"compute_time", "Mean=1"});
        Expect(ParseError("learning_rate = -1\n"), {"learning_rate", "between"});
        Expect(ParseError("seed = 1\nseed = 2\n"), {"bad.scenario:2", "already set at bad.scenario:1"});
        Expect(ParseError("just words\n"), {"bad.scenario:1", "key = value"});

        Scenario scenario;
        std::string error;
        try
        {
            scenario.ApplyOverrides({"--seed=3", "--nodez=4"});
        }
        catch (const ScenarioError& e)
        {
            error = e.what();
        }
        Expect(error, {"--nodez", "unknown key"});
        NS_TEST_ASSERT_MSG_EQ(scenario.GetUint("seed"), 3, "valid override applied");

        Expect(BuildError("nodes = 4\nstragglers = 5\n"), {"stragglers = 5", "nodes = 4"});
        Expect(BuildError("dataset = cifar10\nmodel = gn-lenet\n"), {"data_path"});
        Expect(BuildError("model = mf\n"), {"model = mf", "movielens"});
        Expect(BuildError("dataset = cifar10\ndata_path = /nonexistent/cifar\n"), {"/nonexistent/cifar"});
        Expect(BuildError("nodes = 4\ndegree = 4\n"), {"degree"});
        Expect(BuildError("tcp_variant = warp\n"), {"tcp_variant = 'warp'", "newreno"});
        Expect(BuildError("topology = file\n"), {"topology_file"});
        Expect(BuildError("topology = file\ntopology_file = x.topo\nnodes = 4\n"),
               {"nodes", "remove"});
        Expect(BuildError("topology = file\ntopology_file = /nonexistent.topo\n"),
               {"/nonexistent.topo"});
    }
};

/**
 * \ingroup divshare-tests
 * Every key of the schema is explained in the model documentation.
 */
class DocumentedKeysTestCase : public TestCase
{
  public:
    DocumentedKeysTestCase()
        : TestCase("every scenario key is documented in the model documentation")
    {
    }

  private:
    void DoRun() override
    {
        std::ifstream in(std::filesystem::path(NS_TEST_SOURCEDIR) / ".." / "doc" / "divshare.rst");
        NS_TEST_ASSERT_MSG_EQ(in.good(), true, "doc/divshare.rst readable");
        const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        for (const auto& key : Scenario::GetKeys())
        {
            NS_TEST_ASSERT_MSG_NE(doc.find("``" + key.name + "``"),
                                  std::string::npos,
                                  key.name << " is explained in doc/divshare.rst");
        }
    }
};

/**
 * \ingroup divshare-tests
 * The scenario test suite.
 */
class DivShareScenarioTestSuite : public TestSuite
{
  public:
    DivShareScenarioTestSuite()
        : TestSuite("divshare-scenario")
    {
        AddTestCase(new ShippedScenariosTestCase);
        AddTestCase(new BadScenarioTestCase);
        AddTestCase(new DocumentedKeysTestCase);
    }
};

/// Static instance that registers the suite.
static DivShareScenarioTestSuite g_divshareScenarioTestSuite;
