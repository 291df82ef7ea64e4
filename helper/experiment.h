/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_EXPERIMENT_H
#define DIVSHARE_EXPERIMENT_H

#include "cross-traffic-helper.h"
#include "network-options.h"
#include "network-topology.h"

#include "ns3/workload.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Everything one run needs: network, task, algorithm, measurement, output.
 */
struct ExperimentConfig
{
    NetworkTopology topology;            //!< the network; host i is node i
    std::shared_ptr<Workload> workload;  //!< the learning task, partitioned for every host
    std::string algorithm{"divshare"};   //!< an algorithm name (see AlgorithmTypeId())
    /** Application attributes by name, as strings (e.g. "Fragments" -> "10"). */
    std::map<std::string, std::string> applicationAttributes;
    /** ModelTransport attributes by name, as strings (e.g. "MaxConcurrentTransfers" -> "4"). */
    std::map<std::string, std::string> transportAttributes;
    double simulatedSeconds{60.0};       //!< simulated duration
    double evaluationInterval{5.0};      //!< simulated seconds between evaluations
    uint32_t evaluationNodes{0};         //!< evaluate this many nodes (0: all)
    std::optional<double> target;        //!< target accuracy (or loss, see lossTarget)
    bool lossTarget{false};              //!< the target is a loss to get under
    uint64_t seed{1};                    //!< ns-3 RNG seed and fragment-permutation seed
    uint32_t tcpSegmentSize{1448};       //!< TCP MSS in bytes (1500-byte MTU)
    std::string outputDirectory;         //!< where results go; empty: not written
    NetworkOptions network;              //!< queue discipline, TCP variant, MTU, error rate
    std::vector<CrossTrafficFlow> crossTraffic; //!< competing flows between named nodes
    /** Write congestion traces (see CongestionTracer) into outputDirectory. */
    bool congestionTraces{false};
    double congestionSampleInterval{0.1}; //!< simulated seconds between trace samples
    bool progress{false};                //!< print a line per evaluation
};

/**
 * \ingroup divshare
 * \brief The figures of a finished run (the files hold the rest).
 */
struct ExperimentResult
{
    double finalMeanAccuracy{0.0};           //!< NaN for rating tasks
    double finalMeanLoss{0.0};               //!< test loss at the end
    double initialConsensusDistance{0.0};    //!< at time 0
    double finalConsensusDistance{0.0};      //!< at the end
    double finalMeanIteration{0.0};          //!< iterations completed, mean over nodes
    std::optional<double> timeToTarget;      //!< simulated seconds, if reached
    uint64_t bytesSent{0};                   //!< message bytes sent, all nodes
    uint64_t fragmentsSent{0};               //!< messages sent, all nodes
    uint64_t fragmentsFlushed{0};            //!< messages flushed, all nodes
    uint64_t fragmentsMalformed{0};          //!< messages rejected, all nodes
    uint32_t divergedNodes{0};               //!< evaluated at the end with a non-finite loss
    double wallSeconds{0.0};                 //!< wall-clock duration
};

/**
 * \ingroup divshare
 * \param algorithm an algorithm name: "divshare", "adpsgd" (AD-PSGD as the DivShare paper ran
 *        it), "swift", "dpsgd" (synchronous D-PSGD on a fixed graph) or "el" (Epidemic
 *        Learning, oracle topology)
 * \return the TypeId name of its application
 * \throws std::invalid_argument naming the known algorithms
 */
std::string AlgorithmTypeId(const std::string& algorithm);

/**
 * \ingroup divshare
 * \brief Build the network, install the applications, run, evaluate, write the results,
 * and tear the simulation down (Simulator::Destroy), so runs can follow one another.
 * \param config the run
 * \return its headline figures
 * \throws std::invalid_argument or std::runtime_error for an unusable configuration
 */
ExperimentResult RunExperiment(const ExperimentConfig& config);

} // namespace ns3

#endif /* DIVSHARE_EXPERIMENT_H */
