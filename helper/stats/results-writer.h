/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_RESULTS_WRITER_H
#define DIVSHARE_RESULTS_WRITER_H

#include "experiment-result.h"
#include "learning-monitor.h"
#include "result-file.h"

#include "ns3/application-container.h"
#include "ns3/model-transport.h"
#include "ns3/network-dynamics.h"

#include <cstdint>
#include <fstream>
#include <string>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief What a run was, for summary.json.
 */
struct RunDescription
{
    std::string name;             //!< the study's name
    std::string algorithm;        //!< e.g. "divshare"
    std::string workload;         //!< e.g. "synthetic"
    uint32_t nodes{0};            //!< learning nodes
    uint64_t seed{0};             //!< run seed
    double simulatedSeconds{0.0}; //!< simulated duration
    double wallSeconds{0.0};      //!< wall-clock duration of the whole run
    /** Wall seconds the simulator's thread spent running or waiting for LibTorch jobs. */
    double learningWaitSeconds{0.0};
    uint64_t events{0};        //!< ns-3 events executed, all ranks
    uint32_t workers{0};       //!< LearningWorkerPool workers
    uint32_t workerThreads{0}; //!< LibTorch threads per worker
    bool hasAccuracy{true};    //!< accuracy applies (classification); else MAE does
    uint32_t ranks{1};         //!< processes of a distributed run (DistributedRun)
    /** Network events given for times at or after the end (not run). */
    uint32_t networkEventsNotReached{0};
    uint32_t islands{1}; //!< parts of the network that learn apart (AllowIslands)
};

/**
 * \ingroup divshare
 * \brief One learning node's row of traffic.csv, and its training wall time.
 */
struct NodeTraffic
{
    uint32_t node{0};                //!< node index
    uint32_t iterations{0};          //!< iterations completed
    double trainingWallSeconds{0.0}; //!< wall seconds its training took
    TrafficCounters counters;        //!< its transport's counters

    /**
     * \param apps DecentralizedLearningApplications
     * \param nodes the node index of each (empty: 0, 1, ...)
     * \return a row per application
     */
    static std::vector<NodeTraffic> Collect(const ApplicationContainer& apps,
                                            const std::vector<uint32_t>& nodes = {});
};

/**
 * \ingroup divshare
 * \brief Writes a run's results into a folder: evaluations.csv, traffic.csv, summary.json,
 * membership.csv.
 *
 * These files are an interface: columns and keys are only ever added, never renamed.
 * Everything written derives from simulated quantities except the wall_* keys of
 * summary.json, so the two CSV files are identical for identical seeds.
 */
class ResultsWriter
{
  public:
    /**
     * \param directory output folder, created if missing
     */
    explicit ResultsWriter(std::string directory);
    /**
     * \brief Write all three files.
     * \param run the run's description
     * \param result its figures
     * \param monitor its evaluations
     * \param traffic a row per learning node, in node order
     * \throws std::runtime_error when the folder or a file cannot be written
     */
    void Write(const RunDescription& run,
               const ExperimentResult& result,
               const LearningMonitor& monitor,
               const std::vector<NodeTraffic>& traffic) const;

    /**
     * \brief Write membership.csv: time_s,node,event (start for the nodes present from the
     * beginning, then every join, leave, crash, disconnect and reconnect).
     * \param changes the run's membership changes
     */
    void WriteMembership(const std::vector<NetworkDynamics::Change>& changes) const;

    /**
     * \param path a result file
     * \return it, open for writing (see ResultFile: Commit() it when done)
     * \throws std::runtime_error when it cannot be written
     */
    static ResultFile Open(const std::string& path);
    /**
     * \brief Create the output folder and check that files can be written in it, before a
     * run whose results would otherwise be lost at its end.
     * \param directory the output folder
     * \throws std::runtime_error naming the folder and why not
     */
    static void Probe(const std::string& directory);

  private:
    void WriteEvaluations(const RunDescription& run, const LearningMonitor& monitor) const;
    void WriteTraffic(const std::vector<NodeTraffic>& traffic) const;
    void WriteSummary(const RunDescription& run,
                      const ExperimentResult& result,
                      const LearningMonitor& monitor) const;

    std::string m_directory;
};

} // namespace ns3

#endif /* DIVSHARE_RESULTS_WRITER_H */
