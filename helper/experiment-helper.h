/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_EXPERIMENT_HELPER_H
#define DIVSHARE_EXPERIMENT_HELPER_H

#include "congestion-tracer.h"
#include "cross-traffic-helper.h"
#include "learning-monitor.h"
#include "network-animation.h"
#include "network-dynamics.h"
#include "network-options.h"
#include "network-topology.h"
#include "packet-capture.h"
#include "results-writer.h"
#include "topology-helper.h"
#include "topology-partition.h"

#include "ns3/application-container.h"
#include "ns3/data-rate.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/workload.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief The figures of a finished run (the files hold the rest).
 */
struct ExperimentResult
{
    double finalMeanAccuracy{0.0};        //!< NaN for rating tasks
    double finalMeanLoss{0.0};            //!< test loss at the end
    double initialConsensusDistance{0.0}; //!< at time 0
    double finalConsensusDistance{0.0};   //!< at the end
    double finalMeanIteration{0.0};       //!< iterations completed, mean over nodes
    std::optional<double> timeToTarget;   //!< simulated seconds, if reached
    uint64_t bytesSent{0};                //!< message bytes sent, all nodes
    uint64_t fragmentsSent{0};            //!< messages sent, all nodes
    uint64_t fragmentsFlushed{0};         //!< messages flushed, all nodes
    uint64_t fragmentsMalformed{0};       //!< messages rejected, all nodes
    uint32_t divergedNodes{0};            //!< evaluated at the end with a non-finite loss
    double wallSeconds{0.0};              //!< wall-clock duration
    uint32_t finalEvaluatedNodes{0};      //!< nodes present at the last evaluation

    /**
     * \param value a final mean (accuracy or loss) of this result
     * \return it as text, or a sentence saying that no node was left to evaluate (the mean
     * of nothing is NaN)
     */
    std::string Final(double value) const;
};

/**
 * \ingroup divshare
 * \brief One study, built and run in steps: its Attributes are the single source of every
 * study-level knob (network, workload, measurement), its default, range and help; the
 * applications' and transports' own Attributes are set through it by name.
 *
 * \code
 *   auto experiment = CreateObject<ExperimentHelper>();
 *   experiment->SetAttribute("Nodes", UintegerValue(16));
 *   experiment->SetApplicationAttribute("Fragments", "10");
 *   experiment->InstallApplications();   // prepares and builds the network first
 *   experiment->GetApplications().Get(0)->TraceConnectWithoutContext("IterationDone", ...);
 *   experiment->Run();
 *   experiment->WriteResults();
 *   Simulator::Destroy();
 * \endcode
 *
 * Steps, each running the ones before it if they have not run:
 * 1. Prepare(): checks every value and every combination (the one validation step every
 *    entry point shares), reads the topology file and the data set, partitions the data.
 *    Attributes are read here; later changes have no effect.
 * 2. BuildNetwork(): the nodes, links, stacks and queue disciplines.
 * 3. InstallApplications(): one application per learning node, cross traffic, the monitor
 *    and (with CongestionTraces) the congestion tracer, all scheduled.
 * 4. Run(): Simulator::Run until Duration, then the final evaluation.
 * 5. WriteResults(): evaluations.csv, traffic.csv, summary.json, membership.csv,
 *    congestion traces.
 *
 * Under an MPI launcher with more than one rank (see DistributedRun) the same steps run on
 * every rank: Prepare() splits the network (TopologyPartition) and refuses what a distributed
 * run cannot do yet; each rank installs and evaluates its own learning nodes; Run() gathers
 * the records on rank 0, whose result and files are those of the whole run.
 *
 * A topology or a workload given as objects (SetTopology, SetWorkload) replaces what the
 * network or workload attributes would build. Errors are std::invalid_argument (or
 * std::runtime_error from the readers) with one line naming the key, the value and the fix;
 * SetNaming chooses whether keys are named as Attributes, scenario keys or options.
 */
class ExperimentHelper : public Object
{
  public:
    /** How messages name a setting. */
    enum Naming
    {
        ATTRIBUTES,    //!< Nodes, Fragments
        SCENARIO_KEYS, //!< nodes, fragments
        OPTIONS,       //!< --nodes, --fragments
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    ExperimentHelper();
    ~ExperimentHelper() override;

    /**
     * \return the algorithm names (Algorithm attribute), in a fixed order
     */
    static std::vector<std::string> GetAlgorithms();
    /**
     * \param algorithm an algorithm name
     * \return the TypeId name of its application
     * \throws std::invalid_argument naming the known algorithms
     */
    static std::string AlgorithmTypeId(const std::string& algorithm);
    /**
     * \brief Check a text attribute of this type beyond its type: a choice among names, a
     * rate, a partition.
     * \param attribute the attribute
     * \param value its value
     * \return what is wrong, or an empty string
     */
    static std::string CheckText(const std::string& attribute, const std::string& value);

    /**
     * \brief Check a value as Set() would, without setting it.
     * \param name the attribute or GlobalValue
     * \param value its value
     * \return what is wrong and what is allowed, or an empty string
     */
    static std::string CheckValue(const std::string& name, const std::string& value);
    /**
     * \param name an attribute of this type, of the applications or transports, or a
     * GlobalValue
     * \return its help text and its default as text (a GlobalValue's: its current value)
     * \throws std::invalid_argument for an unknown setting
     */
    static std::pair<std::string, std::string> DescribeSetting(const std::string& name);

    /**
     * \return a new study with the same settings (attributes, application and transport
     * values, given objects), not yet prepared: for sweeps
     */
    Ptr<ExperimentHelper> Clone() const;

    /** \param naming how messages name settings */
    void SetNaming(Naming naming);
    /**
     * \param attribute an attribute of this type, of the applications or of the transports
     * \return the name of that setting under the current naming
     */
    std::string NameOf(const std::string& attribute) const;

    /**
     * \brief Set a setting by name from text, as scenario files and command lines do: an
     * attribute of this type, of the applications, of the transports, or a GlobalValue. The
     * value is checked at once; the setting is remembered as given, so that Prepare() can
     * refuse settings the rest of the study would ignore (a straggler count on a topology
     * file, a data path for the synthetic task).
     * \param name the attribute or GlobalValue
     * \param value its value
     * \throws std::invalid_argument naming the setting, the value and what is allowed
     */
    void Set(const std::string& name, const std::string& value);
    /**
     * \param name an attribute of this type, of the applications or transports, or a
     * GlobalValue
     * \return its current value as text
     */
    std::string Get(const std::string& name) const;

    /**
     * \brief Set an attribute of every application (those the chosen algorithm has).
     * \param name the attribute, e.g. "Fragments"
     * \param value its value as text, checked at once
     * \throws std::invalid_argument if no algorithm has it or the value is malformed
     */
    void SetApplicationAttribute(const std::string& name, const std::string& value);
    /**
     * \brief Set an attribute of every application's ModelTransport.
     * \param name the attribute, e.g. "MaxConcurrentTransfers"
     * \param value its value as text, checked at once
     * \throws std::invalid_argument if the transport has no such attribute or the value is bad
     */
    void SetTransportAttribute(const std::string& name, const std::string& value);
    /**
     * \brief Use this network instead of the one the network attributes describe.
     * \param topology the network; host i is learning node i
     * \param crossTraffic competing flows between its named nodes
     */
    void SetTopology(const NetworkTopology& topology,
                     const std::vector<CrossTrafficFlow>& crossTraffic = {});
    /** \param workload use this task instead of the one the workload attributes describe */
    void SetWorkload(std::shared_ptr<Workload> workload);

    /** \brief Step 1: check everything, read files, build the task. */
    void Prepare();
    /** \brief Step 2: build the network. */
    void BuildNetwork();
    /** \brief Step 3: install and schedule the applications, traffic, monitor and tracer. */
    void InstallApplications();
    /**
     * \brief Step 4: simulate.
     * \return the run's figures
     */
    ExperimentResult Run();
    /** \brief Step 5: write the result files into OutputDirectory (if not empty). */
    void WriteResults() const;
    /**
     * \brief Every step, then Simulator::Destroy, so that runs can follow one another.
     * \return the run's figures
     */
    ExperimentResult RunAll();

    /** \return the network description (after Prepare) */
    const NetworkTopology& GetTopology() const;
    /** \return the cross-traffic flows (after Prepare) */
    const std::vector<CrossTrafficFlow>& GetCrossTraffic() const;
    /** \return the learning task (after Prepare) */
    std::shared_ptr<const Workload> GetWorkload() const;
    /** \return the network options (after Prepare) */
    const NetworkOptions& GetNetworkOptions() const;
    /** \return the installed network: hosts, routers, links (after BuildNetwork) */
    const InstalledTopology& GetNetwork() const;
    /**
     * \return the learning applications, in node order (after InstallApplications); in a
     * distributed run, this rank's only
     */
    const ApplicationContainer& GetApplications() const;
    /** \return the monitor (after InstallApplications) */
    LearningMonitor& GetMonitor() const;
    /** \return the congestion tracer, or null without CongestionTraces */
    CongestionTracer* GetCongestionTracer() const;
    /** \return the result of Run() (in a distributed run, complete on rank 0 only) */
    const ExperimentResult& GetResult() const;

  protected:
    void DoDispose() override;

  private:
    enum Stage
    {
        NEW,
        PREPARED,
        BUILT,
        INSTALLED,
        RAN,
    };

    /** \throw std::invalid_argument if a setting in use needs one process */
    void RefuseDistributed() const;
    /** \throw std::invalid_argument if \p attribute was given but \p reason makes it unused */
    void RefuseIgnored(const std::string& attribute, const std::string& reason) const;
    NetworkTopology MakeStar() const;
    void ReadTopologyFile();
    void MakeWorkload();
    void CheckApplicationKeys(TypeId application) const;

    // Attributes (see GetTypeId).
    std::string m_name;
    std::string m_algorithm;
    double m_duration;
    double m_evaluationInterval;
    uint32_t m_evaluationNodes;
    double m_target;
    uint32_t m_seed;
    std::string m_output;
    bool m_progress;
    std::string m_crashes;
    std::string m_events;
    std::string m_eventsFile;
    double m_churnRate;
    Time m_membershipDelay;
    Time m_churnDowntime;
    bool m_congestionTraces;
    double m_traceInterval;
    std::string m_pcap;
    double m_netAnim;
    std::string m_topologyKind;
    std::string m_topologyFile;
    bool m_crossTrafficOn;
    bool m_allowIslands;   //!< AllowIslands
    uint32_t m_islands{1}; //!< islands of the network (Prepare())
    uint32_t m_nodes;
    DataRate m_rate;
    Time m_delay;
    uint32_t m_stragglers;
    DataRate m_stragglerRate;
    std::string m_stragglerRateMax;
    DataRate m_intraRegionRate;
    Time m_intraRegionDelay;
    std::string m_queueDisc;
    std::string m_queueSize;
    std::string m_tcpVariant;
    uint32_t m_mtu;
    double m_errorRate;
    uint32_t m_tcpSegmentSize;
    std::string m_dataset;
    std::string m_dataPath;
    std::string m_partition;
    std::string m_model;
    uint32_t m_mlpHidden;
    bool m_mfBiases;
    uint32_t m_batchSize;
    double m_learningRate;
    uint32_t m_testSamples;

    Naming m_naming{ATTRIBUTES};
    std::map<std::string, std::string> m_applicationValues;
    std::map<std::string, std::string> m_transportValues;
    std::set<std::string> m_given; //!< settings given through Set()
    bool m_topologyGiven{false};
    bool m_workloadGiven{false};

    Stage m_stage{NEW};
    NetworkTopology m_topology;
    std::vector<CrossTrafficFlow> m_crossTraffic;
    std::shared_ptr<Workload> m_workload;
    NetworkOptions m_network;
    TopologyPartition m_ranks; //!< rank of every node (all 0 in one process)
    InstalledTopology m_installed;
    std::vector<uint32_t> m_localHosts; //!< this rank's learning nodes
    ApplicationContainer m_apps;        //!< theirs, in the same order
    std::vector<NodeTraffic> m_traffic; //!< every node's, after Run (rank 0)
    uint64_t m_eventCount{0};           //!< events of all ranks, after Run (rank 0)
    std::unique_ptr<LearningMonitor> m_monitor;
    std::unique_ptr<CongestionTracer> m_tracer;
    ResolvedNetworkEvents m_networkEvents; //!< resolved by Prepare()
    std::unique_ptr<NetworkDynamics> m_dynamics;
    std::vector<uint32_t> m_pcapHosts; //!< resolved by Prepare()
    std::unique_ptr<PacketCapture> m_capture;
    std::unique_ptr<NetworkAnimation> m_animation;
    std::unique_ptr<ProgressLine> m_progressLine; //!< with Progress
    ExperimentResult m_result;
    double m_wallStart{0.0};
    double m_learningWait{0.0};
};

} // namespace ns3

#endif /* DIVSHARE_EXPERIMENT_HELPER_H */
