/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "scenario.h"

#include "attribute-check.h"
#include "topology-units.h"

#include "ns3/object-factory.h"
#include "ns3/random-variable-stream.h"
#include "ns3/string.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace ns3
{

namespace
{

std::string
Trim(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos)
    {
        return "";
    }
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

std::string
Join(const std::vector<std::string>& items)
{
    std::string joined;
    for (const auto& item : items)
    {
        joined += (joined.empty() ? "" : ", ") + item;
    }
    return joined;
}

bool
ParseNumber(const std::string& text, double& value)
{
    std::istringstream in(text);
    in >> value;
    return !in.fail() && in.eof() && std::isfinite(value);
}

/** An empty string if parse(value) succeeds, else its message. */
template <typename Parser>
std::string
CheckParses(Parser parse, const std::string& value)
{
    try
    {
        parse(value);
    }
    catch (const std::invalid_argument& error)
    {
        return error.what();
    }
    return "";
}

/** An empty string if value fits key, else what is wrong. */
std::string
CheckValue(const ScenarioKey& key, const std::string& value)
{
    if (value.empty() && key.defaultValue.empty())
    {
        return ""; // an optional key left unset
    }
    double number = 0;
    switch (key.kind)
    {
    case ScenarioKey::TEXT:
    case ScenarioKey::PATH:
        return "";
    case ScenarioKey::CHOICE:
        return std::find(key.choices.begin(), key.choices.end(), value) != key.choices.end()
                   ? ""
                   : "must be one of: " + Join(key.choices);
    case ScenarioKey::UINT:
        if (!ParseNumber(value, number) || number != std::floor(number))
        {
            return "must be a whole number";
        }
        [[fallthrough]];
    case ScenarioKey::REAL:
        if (!ParseNumber(value, number))
        {
            return "must be a number";
        }
        if (number < key.minimum || number > key.maximum)
        {
            std::ostringstream range;
            range << "must be between " << key.minimum << " and " << key.maximum;
            return range.str();
        }
        return "";
    case ScenarioKey::BOOL:
        return value == "true" || value == "false" ? "" : "must be true or false";
    case ScenarioKey::RATE:
        // ns-3's own parsers abort on bad text; these throw, naming the accepted units.
        return CheckParses(ParseRate, value);
    case ScenarioKey::TIME:
        return CheckParses(ParseDelay, value);
    case ScenarioKey::RANDOM:
        return CheckObjectSpec(value, RandomVariableStream::GetTypeId());
    }
    return "unknown kind";
}

} // namespace

ScenarioKey::ScenarioKey(std::string name,
                         Kind kind,
                         std::string defaultValue,
                         std::string help,
                         std::vector<std::string> choices,
                         double minimum,
                         double maximum)
    : name(std::move(name)),
      kind(kind),
      defaultValue(std::move(defaultValue)),
      help(std::move(help)),
      choices(std::move(choices)),
      minimum(minimum),
      maximum(maximum)
{
}

const std::vector<ScenarioKey>&
Scenario::GetKeys()
{
    using K = ScenarioKey;
    static const std::vector<ScenarioKey> keys{
        // What and how long.
        {"name", K::TEXT, "scenario", "Short name of the study, used in messages"},
        {"seed", K::UINT, "1", "Seed of everything random (data split, models, peers)", {}, 1,
         4294967295.0},
        {"duration", K::REAL, "60", "Simulated seconds to run", {}, 1e-3},
        {"output", K::PATH, "results/scenario", "Folder for the result files"},
        {"threads", K::UINT, "1", "LibTorch threads per worker (0: one per core)", {}, 0, 256},
        {"workers",
         K::UINT,
         "0",
         "threads running LibTorch beside the simulator (0: one per core but the simulator's)",
         {},
         0,
         1024},
        // Algorithm.
        {"algorithm", K::CHOICE, "divshare", "Decentralized learning algorithm",
         {"divshare", "adpsgd", "swift", "dpsgd", "el"}},
        {"fragments", K::UINT, "10", "DivShare: fragments per model (Omega)", {}, 1},
        {"degree", K::UINT, "6", "Peers each model or fragment goes to per iteration (J)", {}, 1},
        {"flush", K::BOOL, "true", "DivShare: drop the previous iteration's unsent fragments"},
        {"max_transfers", K::UINT, "4", "Concurrent outbound transfers per node", {}, 1},
        // Workload.
        {"dataset", K::CHOICE, "synthetic", "Data set", {"synthetic", "cifar10", "movielens"}},
        {"data_path", K::PATH, "", "Folder of the data set (cifar-10-batches-bin, ml-latest-small "
                                   "or ml-100k); not used by synthetic"},
        {"partition", K::TEXT, "shards:2", "Classification partition: iid, shards:K or "
                                           "dirichlet:ALPHA (MovieLens: users spread over nodes)"},
        {"model", K::CHOICE, "mlp", "Model: mlp or gn-lenet (classification), mf (MovieLens)",
         {"mlp", "gn-lenet", "mf"}},
        {"mlp_hidden", K::UINT, "128", "Hidden units of the mlp model", {}, 1},
        {"mf_biases", K::BOOL, "false", "mf: add user, item and global biases (the reference "
                                        "model has none)"},
        {"local_steps", K::UINT, "10", "SGD steps per iteration", {}, 1},
        {"batch_size", K::UINT, "8", "Mini-batch size", {}, 1},
        {"learning_rate", K::REAL, "0.05", "SGD learning rate", {}, 1e-12},
        {"compute_time", K::RANDOM, "ns3::ConstantRandomVariable[Constant=0.5]",
         "Simulated seconds one iteration's training takes, drawn per iteration"},
        // Network.
        {"topology", K::CHOICE, "star", "star, or file (topology_file)", {"star", "file"}},
        {"topology_file", K::PATH, "", "Topology file: the module's format, or Kollaps XML"},
        {"nodes", K::UINT, "16", "Learning nodes on the star", {}, 2, 100000},
        {"rate", K::RATE, "20Mbps", "Access rate of the star's regular nodes"},
        {"delay", K::TIME, "1ms", "One-way delay of every star access link"},
        {"stragglers", K::UINT, "4", "How many of the star's nodes are stragglers", {}, 0},
        {"straggler_rate", K::RATE, "2Mbps", "Access rate of the slowest straggler"},
        {"straggler_rate_max", K::RATE, "", "Access rate of the fastest straggler; rates are "
                                            "spread evenly in between (empty: all at "
                                            "straggler_rate)"},
        {"intra_region_rate", K::RATE, "1Gbps", "Kollaps files whose links join services "
                                                "(regions): access rate inside a region"},
        {"intra_region_delay", K::TIME, "0ms", "Kollaps region files: access delay inside a "
                                               "region"},
        {"queue_disc", K::CHOICE, "default", "Queue discipline at router egress (default: "
                                             "ns-3's FQ-CoDel over a 100-packet device queue)",
         {"default", "fifo", "red", "codel", "fq-codel"}},
        {"queue_size", K::TEXT, "", "Router queue size, e.g. 100p or 150000B (empty: the "
                                    "discipline's own; alone it selects fifo)"},
        {"tcp_variant", K::TEXT, "default", "TCP congestion control: default (Cubic), newreno, "
                                            "cubic, bbr, vegas, dctcp, ... or an ns-3 TypeId"},
        {"mtu", K::UINT, "1500", "IP MTU of every link in bytes", {}, 576, 9000},
        {"error_rate", K::REAL, "0", "Packet error rate of every link", {}, 0, 1},
        {"tcp_segment_size", K::UINT, "1448", "TCP maximum segment size in bytes (capped at "
                                              "mtu - 52)", {}, 64, 65495},
        {"congestion_traces", K::BOOL, "false", "Also write link-utilization.csv, queues.csv, "
                                                "flows.csv and fragment-latency.csv"},
        {"trace_interval", K::REAL, "0.1", "Simulated seconds between congestion-trace "
                                           "samples", {}, 1e-4},
        // Evaluation.
        {"eval_interval", K::REAL, "5", "Simulated seconds between evaluations", {}, 1e-3},
        {"eval_nodes", K::UINT, "0", "Evaluate this many nodes, evenly spaced (0: all)", {}, 0},
        {"test_samples", K::UINT, "0", "Evaluate on a fixed random test subset of this size "
                                       "(0: the whole test set)", {}, 0},
        {"target", K::REAL, "0.6", "Target mean accuracy (MovieLens: target RMSE) for "
                                   "time-to-target", {}, 0},
    };
    return keys;
}

Scenario::Scenario()
{
    for (const auto& key : GetKeys())
    {
        m_values[key.name] = key.defaultValue;
    }
}

const ScenarioKey&
Scenario::Lookup(const std::string& key, const std::string& where)
{
    const auto& keys = GetKeys();
    auto it = std::find_if(keys.begin(), keys.end(), [&key](const ScenarioKey& k) {
        return k.name == key;
    });
    if (it == keys.end())
    {
        std::vector<std::string> names;
        for (const auto& k : keys)
        {
            names.push_back(k.name);
        }
        throw ScenarioError(where + ": unknown key '" + key + "'; known keys: " + Join(names));
    }
    return *it;
}

void
Scenario::Set(const std::string& key, const std::string& value, const std::string& where)
{
    const auto& schema = Lookup(key, where);
    const std::string problem = CheckValue(schema, value);
    if (!problem.empty())
    {
        throw ScenarioError(where + ": " + key + " = '" + value + "': " + problem);
    }
    m_values[key] = value;
    m_setAt[key] = where;
}

Scenario
Scenario::FromText(const std::string& text, const std::string& origin)
{
    Scenario scenario;
    std::istringstream in(text);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number)
    {
        const std::string where = origin + ":" + std::to_string(number);
        const std::string content = Trim(line.substr(0, line.find('#')));
        if (content.empty())
        {
            continue;
        }
        const auto equals = content.find('=');
        if (equals == std::string::npos)
        {
            throw ScenarioError(where + ": expected 'key = value', got '" + content + "'");
        }
        const std::string key = Trim(content.substr(0, equals));
        if (scenario.m_setAt.count(key))
        {
            throw ScenarioError(where + ": " + key + " is already set at " +
                                scenario.m_setAt[key] + "; set each key once");
        }
        scenario.Set(key, Trim(content.substr(equals + 1)), where);
    }
    return scenario;
}

Scenario
Scenario::FromFile(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
    {
        throw ScenarioError(path + ": cannot read the scenario file; check the path");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return FromText(text.str(), path);
}

void
Scenario::ApplyOverrides(const std::vector<std::string>& arguments)
{
    for (const auto& argument : arguments)
    {
        const auto equals = argument.find('=');
        if (argument.rfind("--", 0) != 0 || equals == std::string::npos)
        {
            throw ScenarioError("'" + argument + "': overrides are written --key=value");
        }
        Set(argument.substr(2, equals - 2), argument.substr(equals + 1), argument.substr(0, equals));
    }
}

const std::string&
Scenario::Get(const std::string& key) const
{
    Lookup(key, "Scenario::Get");
    return m_values.at(key);
}

uint64_t
Scenario::GetUint(const std::string& key) const
{
    return static_cast<uint64_t>(std::stod(Get(key)));
}

double
Scenario::GetReal(const std::string& key) const
{
    return std::stod(Get(key));
}

bool
Scenario::GetBool(const std::string& key) const
{
    return Get(key) == "true";
}

bool
Scenario::IsSet(const std::string& key) const
{
    return m_setAt.count(key) > 0;
}

std::string
Scenario::ToText() const
{
    std::ostringstream out;
    for (const auto& key : GetKeys())
    {
        out << key.name << " = " << m_values.at(key.name) << "\n";
    }
    return out.str();
}

} // namespace ns3
