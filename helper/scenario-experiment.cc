/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "scenario-experiment.h"

#include "topology-file-reader.h"
#include "kollaps-reader.h"
#include "topology-units.h"

#include "ns3/type-id.h"
#include "ns3/workload-factory.h"

namespace ns3
{

namespace
{

/** Scenario key -> attribute of the algorithm's application. */
const std::vector<std::pair<std::string, std::string>> ALGORITHM_KEYS{
    {"local_steps", "LocalSteps"},
    {"compute_time", "ComputeTime"},
    {"fragments", "Fragments"},
    {"degree", "Degree"},
    {"flush", "FlushQueue"},
};

std::shared_ptr<Workload>
MakeWorkload(const Scenario& s, uint32_t nodes)
{
    const std::string dataset = s.Get("dataset");
    const std::string model = s.Get("model");
    const uint64_t seed = s.GetUint("seed");
    const auto testSamples = static_cast<std::size_t>(s.GetUint("test_samples"));
    if (dataset != "synthetic" && s.Get("data_path").empty())
    {
        throw ScenarioError("dataset = " + dataset + " needs data_path: the folder holding its "
                            "files (e.g. cifar-10-batches-bin or ml-latest-small)");
    }
    if (dataset == "movielens")
    {
        if (model != "mf")
        {
            throw ScenarioError("dataset = movielens needs model = mf, not " + model);
        }
        MatrixFactorizationConfig config;
        config.batchSize = static_cast<uint32_t>(s.GetUint("batch_size"));
        config.learningRate = s.GetReal("learning_rate");
        config.biases = s.GetBool("mf_biases");
        config.initSeed = seed;
        config.samplingSeed = seed;
        return MakeMovieLensWorkload(s.Get("data_path"), nodes, config, seed, testSamples);
    }
    if (s.IsSet("mf_biases"))
    {
        throw ScenarioError("mf_biases applies to model = mf only");
    }
    if (model == "mf")
    {
        throw ScenarioError("model = mf needs dataset = movielens; use mlp or gn-lenet for " +
                            dataset);
    }
    ClassifierConfig config;
    config.model = model;
    config.mlpHidden = static_cast<uint32_t>(s.GetUint("mlp_hidden"));
    config.batchSize = static_cast<uint32_t>(s.GetUint("batch_size"));
    config.learningRate = s.GetReal("learning_rate");
    config.initSeed = seed;
    config.samplingSeed = seed;
    if (dataset == "cifar10")
    {
        return MakeCifar10Workload(s.Get("data_path"), nodes, s.Get("partition"), config, seed,
                                   testSamples);
    }
    return MakeSyntheticWorkload(nodes, s.Get("partition"), config, seed, testSamples);
}

NetworkTopology
MakeStar(const Scenario& s)
{
    const auto nodes = static_cast<uint32_t>(s.GetUint("nodes"));
    const auto stragglers = static_cast<uint32_t>(s.GetUint("stragglers"));
    if (stragglers > nodes)
    {
        throw ScenarioError("stragglers = " + std::to_string(stragglers) + " exceeds nodes = " +
                            std::to_string(nodes));
    }
    const DataRate slowest = ParseRate(s.Get("straggler_rate"));
    std::vector<StragglerClass> classes;
    if (s.Get("straggler_rate_max").empty() || stragglers < 2)
    {
        classes.push_back({stragglers, slowest});
    }
    else
    {
        const DataRate fastest = ParseRate(s.Get("straggler_rate_max"));
        if (fastest < slowest)
        {
            throw ScenarioError("straggler_rate_max = " + s.Get("straggler_rate_max") +
                                " is below straggler_rate = " + s.Get("straggler_rate"));
        }
        // Evenly spread, like the reference's 10-13 Mbit/s stragglers.
        const double step =
            static_cast<double>(fastest.GetBitRate() - slowest.GetBitRate()) / (stragglers - 1);
        for (uint32_t i = 0; i < stragglers; ++i)
        {
            classes.push_back(
                {1, DataRate(slowest.GetBitRate() + static_cast<uint64_t>(step * i))});
        }
    }
    return NetworkTopology::Star(nodes, ParseRate(s.Get("rate")), ParseDelay(s.Get("delay")), classes);
}

/** The network of a topology file: Kollaps XML by its extension, else the module's format. */
void
ReadTopologyFile(const Scenario& s, ExperimentConfig& config)
{
    const std::string path = s.Get("topology_file");
    if (path.empty())
    {
        throw ScenarioError("topology = file needs topology_file: a topology in the module's "
                            "format (see topologies/README.md) or a Kollaps .xml file");
    }
    for (const char* key : {"nodes", "rate", "delay", "stragglers", "straggler_rate",
                            "straggler_rate_max"})
    {
        if (s.IsSet(key))
        {
            throw ScenarioError(std::string(key) + " describes the star; with topology = file "
                                                   "the file says it: remove " + key);
        }
    }
    if (path.size() > 4 && path.compare(path.size() - 4, 4, ".xml") == 0)
    {
        KollapsOptions options;
        options.intraRegionRate = ParseRate(s.Get("intra_region_rate"));
        options.intraRegionDelay = ParseDelay(s.Get("intra_region_delay"));
        config.topology = KollapsReader::Read(path, options);
        return;
    }
    auto file = TopologyFileReader::Read(path);
    config.topology = std::move(file.topology);
    config.crossTraffic = std::move(file.crossTraffic);
}

/** Scenario key -> NetworkOptions key. */
const std::vector<std::pair<std::string, std::string>> NETWORK_KEYS{
    {"queue_disc", "queueDisc"},
    {"queue_size", "queueSize"},
    {"tcp_variant", "tcpVariant"},
    {"mtu", "mtu"},
    {"error_rate", "errorRate"},
};

} // namespace

ExperimentConfig
MakeExperimentConfig(const Scenario& s)
{
    ExperimentConfig config;
    config.algorithm = s.Get("algorithm");
    TypeId tid = TypeId::LookupByName(AlgorithmTypeId(config.algorithm));
    for (const auto& [key, attribute] : ALGORITHM_KEYS)
    {
        TypeId::AttributeInformation info;
        if (tid.LookupAttributeByName(attribute, &info))
        {
            config.applicationAttributes[attribute] = s.Get(key);
        }
        else if (s.IsSet(key))
        {
            throw ScenarioError(key + " does not apply to algorithm = " + config.algorithm +
                                "; remove it or choose an algorithm that has it");
        }
    }
    config.transportAttributes["MaxConcurrentTransfers"] = s.Get("max_transfers");

    if (s.Get("topology") == "file")
    {
        ReadTopologyFile(s, config);
    }
    else
    {
        config.topology = MakeStar(s);
    }
    for (const auto& [key, option] : NETWORK_KEYS)
    {
        if (!s.Get(key).empty())
        {
            try
            {
                config.network.Set(option, s.Get(key));
            }
            catch (const std::invalid_argument& error)
            {
                throw ScenarioError(key + " = '" + s.Get(key) + "': " + error.what());
            }
        }
    }
    config.congestionTraces = s.GetBool("congestion_traces");
    config.congestionSampleInterval = s.GetReal("trace_interval");
    const auto nodes = static_cast<uint32_t>(config.topology.hosts.size());
    if (config.applicationAttributes.count("Degree") && s.GetUint("degree") >= nodes)
    {
        throw ScenarioError("degree = " + s.Get("degree") + " needs more than " +
                            s.Get("degree") + " nodes; the network has " + std::to_string(nodes));
    }
    config.workload = MakeWorkload(s, nodes);

    config.simulatedSeconds = s.GetReal("duration");
    config.evaluationInterval = s.GetReal("eval_interval");
    config.evaluationNodes = static_cast<uint32_t>(s.GetUint("eval_nodes"));
    config.target = s.GetReal("target");
    config.lossTarget = !config.workload->HasAccuracy();
    config.seed = s.GetUint("seed");
    config.tcpSegmentSize = static_cast<uint32_t>(s.GetUint("tcp_segment_size"));
    config.outputDirectory = s.Get("output");
    config.progress = true;
    return config;
}

} // namespace ns3
