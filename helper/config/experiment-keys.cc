/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "experiment-keys.h"

#include "../common/attribute-check.h"

#include "ns3/experiment-setting.h"

#include <algorithm>

namespace ns3
{

const std::vector<ExperimentKey>&
GetExperimentKeys()
{
    static const std::vector<ExperimentKey> keys{
        // What and how long.
        {"name", "name", "Name"},
        {"seed", "seed", "Seed"},
        {"duration", "simTime", "Duration"},
        {"output", "out", "OutputDirectory"},
        {"threads", "threads", "DivShareWorkerThreads"},
        {"workers", "workers", "DivShareWorkers"},
        // Algorithm.
        {"algorithm", "algorithm", "Algorithm"},
        {"fragments", "fragments", "Fragments"},
        {"degree", "degree", "Degree"},
        {"flush", "flush", "FlushQueue"},
        {"max_transfers", "maxTransfers", "MaxConcurrentTransfers"},
        // Workload.
        {"dataset", "dataset", "Dataset"},
        {"data_path", "dataPath", "DataPath"},
        {"partition", "partition", "Partition"},
        {"model", "model", "Model"},
        {"mlp_hidden", "hidden", "MlpHidden"},
        {"mf_biases", "mfBiases", "MfBiases"},
        {"local_steps", "localSteps", "LocalSteps"},
        {"batch_size", "batchSize", "BatchSize"},
        {"learning_rate", "learningRate", "LearningRate"},
        {"compute_time", "computeTime", "ComputeTime"},
        // Network.
        {"topology", "network", "Topology"},
        {"topology_file", "topologyFile", "TopologyFile"},
        {"cross_traffic", "crossTraffic", "CrossTraffic"},
        {"allow_islands", "allow_islands", "AllowIslands"},
        {"nodes", "nodes", "Nodes"},
        {"rate", "fastRate", "Rate"},
        {"delay", "delay", "Delay"},
        {"stragglers", "stragglers", "Stragglers"},
        {"straggler_rate", "slowRate", "StragglerRate"},
        {"straggler_rate_max", "slowRateMax", "StragglerRateMax"},
        {"intra_region_rate", "intraRate", "IntraRegionRate"},
        {"intra_region_delay", "intraDelay", "IntraRegionDelay"},
        {"queue_disc", "queueDisc", "QueueDisc"},
        {"queue_size", "queueSize", "QueueSize"},
        {"tcp_variant", "tcpVariant", "TcpVariant"},
        {"mtu", "mtu", "Mtu"},
        {"error_rate", "errorRate", "ErrorRate"},
        {"tcp_segment_size", "tcpSegmentSize", "TcpSegmentSize"},
        {"crashes", "crashes", "Crashes"},
        {"events", "events", "Events"},
        {"events_file", "eventsFile", "EventsFile"},
        {"membership_delay", "membershipDelay", "MembershipDelay"},
        {"churn_rate", "churnRate", "ChurnRate"},
        {"churn_downtime", "churnDowntime", "ChurnDowntime"},
        {"congestion_traces", "traces", "CongestionTraces"},
        {"trace_interval", "traceInterval", "TraceInterval"},
        {"pcap", "pcap", "Pcap"},
        {"netanim", "netanim", "NetAnim"},
        // Evaluation.
        {"eval_interval", "evalInterval", "EvaluationInterval"},
        {"eval_nodes", "evalNodes", "EvaluationNodes"},
        {"test_samples", "testSamples", "TestSamples"},
        {"target", "target", "Target"},
    };
    return keys;
}

const ExperimentKey*
FindExperimentKey(const std::string& name)
{
    const auto& keys = GetExperimentKeys();
    auto it = std::find_if(keys.begin(), keys.end(), [&name](const ExperimentKey& k) {
        return k.key == name || k.option == name || k.attribute == name;
    });
    return it == keys.end() ? nullptr : &*it;
}

ExperimentKeyInfo
DescribeExperimentKey(const ExperimentKey& key)
{
    const auto setting = ExperimentSetting::Locate(key.attribute);
    return {setting.help, AttributeText(setting.checker, *setting.initial)};
}

namespace
{

const ExperimentKey*
KeyOfAttribute(const std::string& attribute)
{
    const auto& keys = GetExperimentKeys();
    auto it = std::find_if(keys.begin(), keys.end(), [&attribute](const ExperimentKey& k) {
        return k.attribute == attribute;
    });
    return it == keys.end() ? nullptr : &*it;
}

} // namespace

std::string
ScenarioKeyOf(const std::string& attribute)
{
    const auto* key = KeyOfAttribute(attribute);
    return key ? key->key : attribute;
}

std::string
OptionOf(const std::string& attribute)
{
    const auto* key = KeyOfAttribute(attribute);
    return key ? "--" + key->option : attribute;
}

} // namespace ns3
