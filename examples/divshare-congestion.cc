/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// A shared bottleneck: DivShare on a dumbbell (topologies/dumbbell.topo: 8 learning nodes on
// each side of a 10 Mbit/s link with a 100-packet FIFO), run twice, alone and with the file's
// cross traffic (a TCP bulk transfer and on/off UDP through the same bottleneck). Prints, for
// both runs, the bottleneck queue's occupancy and drops, fragment delivery latency and
// time-to-accuracy; writes each run's results and congestion traces into --output/alone and
// --output/shared. Run from the module's folder (the topology path is relative). Every
// scenario key is an option (see --PrintHelp).
//
//   ./build/examples/divshare-congestion --duration=60
//   /usr/bin/python3 utils/plot-congestion.py results/congestion/alone results/congestion/shared

#include "ns3/command-line.h"
#include "ns3/divshare-module.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <iomanip>
#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("DivShareCongestionExample");

namespace
{

/** \return the index of the router queue from one router toward another */
uint32_t
FindQueue(const CongestionTracer& tracer, const std::string& from, const std::string& to)
{
    const auto& queues = tracer.GetQueues();
    const auto bottleneck =
        std::find_if(queues.begin(), queues.end(), [&](const CongestionTracer::Queue& q) {
            return q.node == from && q.toward == to;
        });
    if (bottleneck == queues.end())
    {
        throw std::invalid_argument("--from=" + from + " --to=" + to +
                                    ": no router queue from the one toward the other; name the "
                                    "routers at the bottleneck's two ends");
    }
    return static_cast<uint32_t>(bottleneck - queues.begin());
}

/** Summarise one run from its tracer: the bottleneck queue and the fragments' latency. */
void
Report(const std::string& label,
       const CongestionTracer& tracer,
       const std::string& from,
       const std::string& to,
       double after)
{
    const uint32_t index = FindQueue(tracer, from, to);
    const uint32_t limit = tracer.GetLimitPackets(index);
    double sum = 0;
    uint32_t samples = 0;
    uint32_t max = 0;
    uint32_t full = 0;
    uint64_t drops = 0;
    for (const auto& sample : tracer.GetQueueSamples())
    {
        if (sample.queue == index && sample.time > after)
        {
            sum += sample.packets;
            ++samples;
            max = std::max(max, sample.packets);
            full += limit > 0 && sample.packets + 1 >= limit;
            drops = sample.droppedPackets;
        }
    }
    std::vector<double> latencies;
    for (const auto& arrival : tracer.GetArrivals())
    {
        if (arrival.time > after)
        {
            latencies.push_back(arrival.latency);
        }
    }
    std::sort(latencies.begin(), latencies.end());
    double mean = 0;
    for (double l : latencies)
    {
        mean += l / latencies.size();
    }
    std::cout << std::fixed << std::setprecision(3) << label << ": bottleneck " << from << "->"
              << to << " queue after " << after << " s: mean " << (samples ? sum / samples : 0.0)
              << " max " << max << " of " << limit << " packets, full in " << full << "/" << samples
              << " samples, " << drops << " drops; fragments delivered after " << after
              << " s: " << latencies.size() << ", latency mean " << mean << " s, p95 "
              << (latencies.empty() ? 0.0 : latencies[latencies.size() * 95 / 100]) << " s"
              << std::defaultfloat << std::setprecision(6) << std::endl;
}

} // namespace

int
main(int argc, char* argv[])
{
    auto defaults = CreateObject<ExperimentHelper>();
    // This example's own defaults; the options below override them.
    defaults->SetDefault("Topology", "file");
    defaults->SetDefault("TopologyFile", "topologies/dumbbell.topo");
    defaults->SetDefault("QueueDisc", "fifo");
    defaults->SetDefault("LocalSteps", "10");
    defaults->SetDefault("ComputeTime", "ns3::ConstantRandomVariable[Constant=0.5]");
    defaults->SetDefault("EvaluationInterval", "2");
    defaults->SetDefault("Target", "0.9");
    defaults->SetDefault("CongestionTraces", "true");
    defaults->SetDefault("OutputDirectory", "results/congestion");
    std::string from = "left";
    std::string to = "right";

    CommandLine cmd(__FILE__);
    ExperimentCommandLine options(cmd, defaults);
    options.AddKeyOptions();
    // This example's former option --topology=FILE.
    options.AddFormerName("topology", "topology_file", [](const std::string& value) {
        return value != "star" && value != "file";
    });
    options.AddCustomOption("from",
                            "Router at the bottleneck's sending end",
                            from,
                            [&from](const std::string& value) { from = value; });
    options.AddCustomOption("to",
                            "Router at its receiving end",
                            to,
                            [&to](const std::string& value) { to = value; });
    options.Parse(argc, argv);

    return options.Run([&]() {
        const std::string out = defaults->Get("OutputDirectory");
        const auto crossTraffic =
            TopologyFileReader::Read(defaults->Get("TopologyFile")).crossTraffic;
        if (crossTraffic.empty())
        {
            throw std::invalid_argument(defaults->Get("TopologyFile") +
                                        " has no traffic lines to compete with");
        }
        // Both runs are compared from the moment the cross traffic starts.
        Time crossStart = crossTraffic.front().start;
        for (const auto& flow : crossTraffic)
        {
            crossStart = std::min(crossStart, flow.start);
        }
        for (const bool shared : {false, true})
        {
            auto experiment = defaults->Clone();
            experiment->SetDefault("CrossTraffic", shared ? "true" : "false");
            experiment->SetDefault("OutputDirectory", out + (shared ? "/shared" : "/alone"));
            experiment->InstallApplications();
            const auto& tracer = *experiment->GetComponent<TraceComponent>()->GetCongestionTracer();
            FindQueue(tracer, from, to); // before anything runs
            std::cout << (shared ? "with" : "without") << " cross traffic ..." << std::endl;
            const auto result = experiment->Run();
            experiment->WriteResults();
            Report(shared ? "shared" : "alone ", tracer, from, to, crossStart.GetSeconds());
            ExperimentCommandLine::PrintResult(*experiment, result);
            Simulator::Destroy();
        }
        std::cout << "plot: /usr/bin/python3 utils/plot-congestion.py " << out << "/alone " << out
                  << "/shared" << std::endl;
    });
}
