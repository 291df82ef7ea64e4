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
        {"name", "Name", ""},
        {"seed", "Seed", ""},
        {"duration", "Duration", "simTime"},
        {"output", "OutputDirectory", "out"},
        {"threads", "DivShareWorkerThreads", ""},
        {"workers", "DivShareWorkers", ""},
        // Algorithm.
        {"algorithm", "Algorithm", ""},
        {"fragments", "Fragments", ""},
        {"degree", "Degree", ""},
        {"flush", "FlushQueue", ""},
        {"max_transfers", "MaxConcurrentTransfers", "maxTransfers"},
        // Workload.
        {"dataset", "Dataset", ""},
        {"data_path", "DataPath", "dataPath"},
        {"partition", "Partition", ""},
        {"model", "Model", ""},
        {"mlp_hidden", "MlpHidden", "hidden"},
        {"mf_biases", "MfBiases", "mfBiases"},
        {"local_steps", "LocalSteps", "localSteps"},
        {"batch_size", "BatchSize", "batchSize"},
        {"learning_rate", "LearningRate", "learningRate"},
        {"compute_time", "ComputeTime", "computeTime"},
        // Network.
        {"topology", "Topology", "network"},
        {"topology_file", "TopologyFile", "topologyFile"},
        {"cross_traffic", "CrossTraffic", "crossTraffic"},
        {"allow_islands", "AllowIslands", ""},
        {"nodes", "Nodes", ""},
        {"rate", "Rate", "fastRate"},
        {"delay", "Delay", ""},
        {"stragglers", "Stragglers", ""},
        {"straggler_rate", "StragglerRate", "slowRate"},
        {"straggler_rate_max", "StragglerRateMax", "slowRateMax"},
        {"intra_region_rate", "IntraRegionRate", "intraRate"},
        {"intra_region_delay", "IntraRegionDelay", "intraDelay"},
        {"queue_disc", "QueueDisc", "queueDisc"},
        {"queue_size", "QueueSize", "queueSize"},
        {"tcp_variant", "TcpVariant", "tcpVariant"},
        {"mtu", "Mtu", ""},
        {"error_rate", "ErrorRate", "errorRate"},
        {"tcp_segment_size", "TcpSegmentSize", "tcpSegmentSize"},
        {"crashes", "Crashes", ""},
        {"events", "Events", ""},
        {"events_file", "EventsFile", "eventsFile"},
        {"membership_delay", "MembershipDelay", "membershipDelay"},
        {"churn_rate", "ChurnRate", "churnRate"},
        {"churn_downtime", "ChurnDowntime", "churnDowntime"},
        {"congestion_traces", "CongestionTraces", "traces"},
        {"trace_interval", "TraceInterval", "traceInterval"},
        {"pcap", "Pcap", ""},
        {"netanim", "NetAnim", ""},
        // Evaluation.
        {"eval_interval", "EvaluationInterval", "evalInterval"},
        {"eval_nodes", "EvaluationNodes", "evalNodes"},
        {"test_samples", "TestSamples", "testSamples"},
        {"target", "Target", ""},
    };
    return keys;
}

const ExperimentKey*
FindExperimentKey(const std::string& name)
{
    const auto& keys = GetExperimentKeys();
    auto it = std::find_if(keys.begin(), keys.end(), [&name](const ExperimentKey& k) {
        return k.key == name || k.attribute == name;
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
    return key ? "--" + key->key : attribute;
}

} // namespace ns3
