/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of scenario files: every shipped scenario parses; bad ones are refused clearly. And of
// the study's parts: components alone, their checkers, settings named as each front end does.

#include "ns3/experiment-helper.h"
#include "ns3/scenario.h"
#include "ns3/setting-error.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

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
        auto experiment = CreateObject<ExperimentHelper>();
        Scenario::FromText(text, "bad.scenario").ApplyTo(*experiment);
        experiment->Prepare();
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

        const auto hashes = Scenario::FromText("name = run#2 # a comment\n#x = 1\n", "hashes");
        NS_TEST_ASSERT_MSG_EQ(hashes.Get("name"), "run#2", "a '#' inside a value is kept");

        const auto qs = Scenario::FromFile((folder / "quickstart.scenario").string());
        NS_TEST_ASSERT_MSG_EQ(qs.Get("nodes"), "16", "nodes");
        NS_TEST_ASSERT_MSG_EQ(qs.Get("straggler_rate"), "2Mbps", "straggler rate");
        NS_TEST_ASSERT_MSG_EQ(qs.Get("flush"), "true", "flush");
        NS_TEST_ASSERT_MSG_EQ(qs.IsSet("test_samples"), false, "not set");
        NS_TEST_ASSERT_MSG_EQ(qs.Get("test_samples"), "0", "its Attribute's default");
        NS_TEST_ASSERT_MSG_EQ(qs.Get("rate"), "20Mbps", "a default rate, in its unit");
        auto experiment = CreateObject<ExperimentHelper>();
        qs.ApplyTo(*experiment);
        experiment->Prepare();
        NS_TEST_ASSERT_MSG_EQ(experiment->GetTopology().hosts.size(), 16, "16 hosts");
        NS_TEST_ASSERT_MSG_EQ(experiment->GetTopology().hosts[15].uplink,
                              DataRate("2Mbps"),
                              "straggler");
        NS_TEST_ASSERT_MSG_EQ(experiment->Get("Fragments"), "10", "Ω");
        NS_TEST_ASSERT_MSG_EQ(experiment->Get("LocalSteps"), "10", "the file's local steps");
        NS_TEST_ASSERT_MSG_EQ(experiment->GetWorkload()->GetNodeCount(), 16, "partitioned");

        // Another algorithm on the command line runs without the file's DivShare settings;
        // the same settings given on the command line are still refused.
        auto swift = qs;
        swift.Set("algorithm", "swift", "--algorithm");
        auto other = CreateObject<ExperimentHelper>();
        const auto leftOut = swift.ApplyTo(*other);
        NS_TEST_ASSERT_MSG_EQ(leftOut.size(), 2, "fragments and flush left out");
        NS_TEST_ASSERT_MSG_EQ(leftOut[0] + " " + leftOut[1], "fragments flush", "by key");
        other->Prepare();
        NS_TEST_ASSERT_MSG_EQ(other->Get("Algorithm"), "swift", "swift runs");
        swift.Set("flush", "true", "--flush");
        std::string refused;
        try
        {
            auto given = CreateObject<ExperimentHelper>();
            swift.ApplyTo(*given);
            given->Prepare();
        }
        catch (const std::exception& error)
        {
            refused = error.what();
        }
        NS_TEST_ASSERT_MSG_EQ((refused.find("flush does not apply") != std::string::npos),
                              true,
                              "--flush with --algorithm=swift: " << refused);

        // Defaults come from the Attributes: a scenario that sets nothing runs what the
        // ExperimentHelper and the applications would.
        const Scenario empty;
        for (const auto& key : GetExperimentKeys())
        {
            NS_TEST_ASSERT_MSG_EQ(empty.Get(key.key),
                                  CreateObject<ExperimentHelper>()->Get(key.attribute),
                                  key.key << " defaults to its Attribute's value");
        }
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
            NS_TEST_ASSERT_MSG_NE(error.find(part),
                                  std::string::npos,
                                  "'" << error << "' names " << part);
        }
    }

    void DoRun() override
    {
        Expect(ParseError("seed = 1\n\nnodez = 4\n"),
               {"bad.scenario:3", "unknown key 'nodez'", "nodes"});
        Expect(ParseError("nodes = ten\n"), {"bad.scenario:1", "nodes", "not a number"});
        Expect(ParseError("nodes = 16.5\n"), {"nodes = '16.5'", "not a whole number"});
        Expect(ParseError("nodes = 1\n"), {"nodes", "out of range", "2:100000"});
        Expect(ParseError("fragments = 4294967296\n"), {"fragments", "out of range"});
        Expect(ParseError("rate = 20\n"), {"rate = '20'", "unit"});
        Expect(ParseError("rate = 1e30Gbps\n"), {"rate", "too large"});
        Expect(ParseError("delay = 1e30s\n"), {"delay", "too large"});
        Expect(ParseError("partition = shards:0\n"), {"partition", "shards:K"});
        Expect(ParseError("queue_size = 10 packets\n"), {"queue_size", "100p"});
        NS_TEST_ASSERT_MSG_EQ(ParseError("fragments = 1e1\nlocal_steps = 2e1\ndegree = 1.5e1\n"),
                              "",
                              "integers in any notation");
        Expect(ParseError("degree = 2.5\n"), {"degree", "whole number"});
        Expect(ParseError("algorithm = sgd\n"),
               {"algorithm", "divshare, adpsgd, swift, dpsgd, el"});
        Expect(ParseError("rate = fast\n"), {"bad.scenario:1", "rate = 'fast'", "Mbps"});
        Expect(ParseError("delay = 1 parsec\n"), {"delay = '1 parsec'", "unit"});
        Expect(ParseError("flush = yes\n"), {"flush", "true or false"});
        Expect(ParseError("compute_time = ns3::Nothing[Constant=1]\n"),
               {"compute_time", "not an ns-3 random variable"});
        Expect(ParseError("compute_time = ns3::ConstantRandomVariable[Mean=1]\n"),
               {"compute_time", "Mean=1"});
        Expect(ParseError("learning_rate = -1\n"), {"learning_rate", "out of range"});
        Expect(ParseError("seed = 1\nseed = 2\n"),
               {"bad.scenario:2", "already set at bad.scenario:1"});
        Expect(ParseError("just words\n"), {"bad.scenario:1", "key = value"});

        Scenario scenario;
        std::string error;
        try
        {
            // As divshare-scenario applies its options over the file.
            scenario.Set("seed", "3", "--seed");
            scenario.Set("nodez", "4", "--nodez");
        }
        catch (const ScenarioError& e)
        {
            error = e.what();
        }
        Expect(error, {"--nodez", "unknown key"});
        NS_TEST_ASSERT_MSG_EQ(scenario.Get("seed"), "3", "valid override applied");

        Expect(BuildError("nodes = 4\nstragglers = 5\n"), {"stragglers = 5", "nodes = 4"});
        Expect(BuildError("dataset = cifar10\nmodel = gn-lenet\n"), {"data_path"});
        Expect(BuildError("model = mf\n"), {"model = mf", "movielens"});
        Expect(BuildError("dataset = cifar10\ndata_path = /nonexistent/cifar\n"),
               {"/nonexistent/cifar"});
        Expect(BuildError("nodes = 4\ndegree = 4\n"), {"degree"});
        Expect(BuildError("tcp_variant = warp\n"), {"tcp_variant = 'warp'", "newreno"});
        Expect(BuildError("topology = file\n"), {"topology_file"});
        Expect(BuildError("topology = file\ntopology_file = x.topo\nnodes = 4\n"),
               {"nodes", "remove"});
        Expect(BuildError("topology = file\ntopology_file = /nonexistent.topo\n"),
               {"/nonexistent.topo"});
        // Settings that the rest of the study would ignore are refused.
        Expect(BuildError("topology_file = x.topo\n"), {"topology_file", "topology = star"});
        Expect(BuildError("data_path = /data\n"), {"data_path is set", "synthetic"});
        Expect(BuildError("mf_biases = true\n"), {"mf_biases is set", "mlp"});
        Expect(BuildError("model = gn-lenet\nmlp_hidden = 8\n"), {"mlp_hidden is set"});
        Expect(BuildError("trace_interval = 1\n"), {"trace_interval", "congestion_traces"});
        Expect(BuildError("intra_region_rate = 1Gbps\n"), {"intra_region_rate", "Kollaps"});
        Expect(BuildError("eval_nodes = 17\n"), {"eval_nodes = 17", "16"});
        Expect(BuildError("stragglers = 1\nstraggler_rate_max = 3Mbps\n"),
               {"straggler_rate_max", "at least 2 stragglers"});
        // A sweep down to no stragglers keeps the scenario's range: it describes nobody.
        NS_TEST_ASSERT_MSG_EQ(BuildError("stragglers = 0\nstraggler_rate_max = 13Mbps\n"),
                              "",
                              "a rate range over no stragglers");
        Expect(BuildError("algorithm = swift\nfragments = 4\n"),
               {"fragments does not apply", "algorithm = swift"});
        Expect(BuildError("algorithm = dpsgd\nnodes = 7\ndegree = 3\n"),
               {"degree = 3 on 7 nodes", "even"});
        Expect(BuildError("compute_time = ns3::UniformRandomVariable[Min=-1|Max=1]\n"),
               {"compute_time", "negative"});
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
        : TestCase("every scenario key is documented with its Attribute's default")
    {
    }

  private:
    void DoRun() override
    {
        std::ifstream in(std::filesystem::path(NS_TEST_SOURCEDIR) / ".." / "doc" / "divshare.rst");
        NS_TEST_ASSERT_MSG_EQ(in.good(), true, "doc/divshare.rst readable");
        const std::string doc((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
        for (const auto& key : GetExperimentKeys())
        {
            // A row of the key table: "* - ``key``" then "- ``default``" (or "- (empty)").
            const std::string row = "* - ``" + key.key + "``\n";
            const auto at = doc.find(row);
            NS_TEST_ASSERT_MSG_NE(at, std::string::npos, key.key << " has a row in the table");
            const std::string value = DescribeExperimentKey(key).defaultValue;
            const std::string cell = value.empty() ? "- (empty)" : "- ``" + value + "``";
            NS_TEST_ASSERT_MSG_EQ(
                doc.compare(doc.find_first_not_of(' ', at + row.size()), cell.size(), cell),
                0,
                key.key << "'s default in doc/divshare.rst is its Attribute's, " << value);
        }
    }
};

/**
 * \ingroup divshare-tests
 * A program's defaults (SetDefault) are not settings the user gave: the rest of the study may
 * leave them unused. Settings of other algorithms can be dropped, for comparisons.
 */
class DefaultsAndAlgorithmsTestCase : public TestCase
{
  public:
    DefaultsAndAlgorithmsTestCase()
        : TestCase("program defaults may go unused; other algorithms' settings can be dropped")
    {
    }

  private:
    /** \return the error of Prepare(), or an empty string */
    static std::string Error(Ptr<ExperimentHelper> experiment)
    {
        try
        {
            experiment->SetDefault("Nodes", "4");
            experiment->SetDefault("Degree", "2");
            experiment->SetDefault("MlpHidden", "8");
            experiment->Prepare();
        }
        catch (const std::invalid_argument& error)
        {
            return error.what();
        }
        return "";
    }

    void DoRun() override
    {
        auto given = CreateObject<ExperimentHelper>();
        given->Set("TraceInterval", "0.5");
        NS_TEST_ASSERT_MSG_NE(
            Error(given).find("TraceInterval is set but CongestionTraces = false"),
            std::string::npos,
            "a setting the user gave must be used");
        auto program = CreateObject<ExperimentHelper>();
        program->SetDefault("TraceInterval", "0.5");
        NS_TEST_ASSERT_MSG_EQ(Error(program), "", "a program's default may go unused");
        NS_TEST_ASSERT_MSG_EQ(program->Get("TraceInterval"), "0.5", "the default is set");

        auto other = CreateObject<ExperimentHelper>();
        other->Set("Fragments", "2");
        other->Set("Algorithm", "adpsgd");
        NS_TEST_ASSERT_MSG_NE(Error(other->Clone()).find("Fragments does not apply"),
                              std::string::npos,
                              "DivShare's setting refused for AD-PSGD");
        other->DropSettingsOfOtherAlgorithms();
        NS_TEST_ASSERT_MSG_EQ(Error(other), "", "dropped: it runs");
        auto own = CreateObject<ExperimentHelper>();
        own->Set("Fragments", "2");
        own->DropSettingsOfOtherAlgorithms();
        NS_TEST_ASSERT_MSG_EQ(own->Get("Fragments"), "2", "DivShare keeps its own setting");
    }
};

/**
 * \ingroup divshare-tests
 * A component works alone, as a plain ns-3 program would use it; text Attributes with a form
 * are refused by ns-3's Attribute system itself; a SettingError is worded per front end.
 */
class ComponentsTestCase : public TestCase
{
  public:
    ComponentsTestCase()
        : TestCase("components alone, their checkers, and errors worded per front end")
    {
    }

  private:
    void DoRun() override
    {
        auto network = CreateObject<NetworkComponent>();
        network->SetAttribute("Nodes", UintegerValue(5));
        network->SetAttribute("Stragglers", UintegerValue(2));
        ExperimentContext context;
        context.stop = Seconds(1);
        network->Configure(context);
        NS_TEST_ASSERT_MSG_EQ(context.topology.hosts.size(), 5, "a star of 5 described");
        network->Build(context);
        NS_TEST_ASSERT_MSG_EQ(context.installed.hosts.GetN(), 5, "and built");
        Simulator::Destroy();

        auto tooMany = CreateObject<NetworkComponent>();
        tooMany->SetAttribute("Nodes", UintegerValue(4));
        tooMany->SetAttribute("Stragglers", UintegerValue(5));
        std::string key;
        std::string text;
        try
        {
            ExperimentContext other;
            tooMany->Configure(other);
        }
        catch (const SettingError& error)
        {
            key = error.GetKey();
            text = error.what();
        }
        NS_TEST_ASSERT_MSG_EQ(key, "Stragglers", "the setting at fault");
        NS_TEST_ASSERT_MSG_EQ(text, "Stragglers = 5 exceeds Nodes = 4: lower it", "as Attributes");
        const auto scenarioWords = [](const std::string& name) {
            return name == "Stragglers" ? std::string("stragglers")
                   : name == "Nodes"    ? std::string("nodes")
                                        : std::string();
        };
        NS_TEST_ASSERT_MSG_EQ(
            SettingError::Word("{Stragglers} = 5 exceeds {Nodes} = 4; {Other}", scenarioWords),
            "stragglers = 5 exceeds nodes = 4; {Other}",
            "as scenario keys; a name the front end does not know is kept");

        NS_TEST_ASSERT_MSG_EQ(network->SetAttributeFailSafe("Topology", StringValue("ring")),
                              false,
                              "ns-3 refuses a choice outside the list");
        NS_TEST_ASSERT_MSG_EQ(network->SetAttributeFailSafe("Topology", StringValue("file")),
                              true,
                              "and takes one inside it");
        NS_TEST_ASSERT_MSG_EQ(ExperimentHelper::CheckValue("Topology", "ring"),
                              "'ring' is not one of: star, file",
                              "and says why");
        auto dynamics = CreateObject<DynamicsComponent>();
        NS_TEST_ASSERT_MSG_EQ(dynamics->SetAttributeFailSafe("Crashes", StringValue("3")),
                              false,
                              "a crash without its time is refused");
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
        AddTestCase(new DefaultsAndAlgorithmsTestCase);
        AddTestCase(new ComponentsTestCase);
    }
};

/// Static instance that registers the suite.
static DivShareScenarioTestSuite g_divshareScenarioTestSuite;
