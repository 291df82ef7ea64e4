/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_LEARNING_MONITOR_H
#define DIVSHARE_LEARNING_MONITOR_H

#include "progress-line.h"

#include "ns3/application-container.h"
#include "ns3/learner.h"
#include "ns3/learning-worker-pool.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Evaluates the nodes' models at a fixed interval of simulated time.
 *
 * Evaluation reads the models, never changes them, and costs wall time only. Each round
 * yields one record per evaluated node and one mean record (node = -1) that also carries the
 * consensus distance: the mean over all nodes of the squared L2 distance to the mean model.
 *
 * A round takes a snapshot of every evaluated node's model at its simulated instant and
 * evaluates the snapshots on LearningWorkerPool workers, in parallel with each other and with
 * the simulation; records are completed in order, as the workers finish, and all of them by
 * EvaluateNow().
 *
 * In a distributed run (DistributedRun) each rank's monitor watches that rank's nodes and
 * keeps its rounds until Gather() brings them to rank 0, which then holds the records of the
 * whole run, as one process would have made them (the consensus distance combines the ranks'
 * mean models and distances to them, as parallel variance algorithms do).
 */
class LearningMonitor
{
  public:
    /** One evaluation of one node, or the mean over the evaluated nodes (node = -1). */
    struct Record
    {
        double timeSeconds;         //!< simulated time
        int32_t node;               //!< node index, -1 for the mean
        double iteration;           //!< completed iterations (mean for the mean record)
        double accuracy;            //!< NaN for tasks without accuracy
        double loss;                //!< test loss (cross-entropy or RMSE)
        double mae;                 //!< NaN for classification
        double consensusDistance;   //!< mean record only, NaN otherwise
        uint32_t evaluatedNodes{0}; //!< mean record only: the present nodes it averages
    };

    /**
     * \brief Some nodes' models, as the consensus distance of a distributed run needs them
     * (one part per rank).
     */
    struct ConsensusPart
    {
        std::vector<double> mean;     //!< their mean model (empty: no node)
        double squaredDistances{0.0}; //!< sum of their squared distances to it
        uint32_t count{0};            //!< how many
    };

    /**
     * \param models some nodes' models, all of one size
     * \return their part
     */
    static ConsensusPart ConsensusPartOf(const std::vector<const std::vector<float>*>& models);
    /**
     * \param parts the parts of disjoint sets of nodes
     * \return the consensus distance of all their nodes (NaN without any); with one part, its
     * squared distances over its count exactly
     */
    static double ConsensusDistance(const std::vector<ConsensusPart>& parts);

    /**
     * \param apps the DecentralizedLearningApplications to watch, node i first
     * \param interval simulated time between evaluations
     */
    LearningMonitor(ApplicationContainer apps, Time interval);
    /**
     * \param apps the DecentralizedLearningApplications this rank watches
     * \param nodes the node index of each of them, in increasing order
     * \param totalNodes the learning nodes of the whole run
     * \param interval simulated time between evaluations
     */
    LearningMonitor(ApplicationContainer apps,
                    std::vector<uint32_t> nodes,
                    uint32_t totalNodes,
                    Time interval);
    /** Drops or waits for the evaluations still pending. */
    ~LearningMonitor();
    LearningMonitor(const LearningMonitor&) = delete;
    LearningMonitor& operator=(const LearningMonitor&) = delete;
    /**
     * \brief Set the target that defines time-to-target.
     * \param target accuracy to reach, or loss to get under when lossTarget is true
     * \param lossTarget whether the target is a loss (rating tasks) rather than an accuracy
     */
    void SetTarget(double target, bool lossTarget);
    /**
     * \brief Evaluate only an evenly spaced sample of nodes (0: all nodes).
     * \param count number of nodes to evaluate
     */
    void SetNodeSample(uint32_t count);
    /** \param line where to print a line per evaluation round (null: nowhere) */
    void SetProgress(ProgressLine* line);
    /**
     * \brief Schedule evaluations at 0, interval, 2 interval, ... before stop.
     * \param stop the simulated end of the run
     */
    void Start(Time stop);
    /**
     * \brief Evaluate now and wait for every pending evaluation (call after Simulator::Run()
     * for the final state).
     */
    void EvaluateNow();
    /**
     * \brief In a distributed run, bring every rank's rounds to rank 0 and make the records
     * of the whole run there (a collective: every rank calls it, after EvaluateNow()).
     * Nothing to do in one process.
     */
    void Gather();

    /** \return every record so far */
    const std::vector<Record>& GetRecords() const;
    /** \return the last mean record; aborts when none exists */
    const Record& GetLastMean() const;
    /** \return how many nodes of the last evaluation have a loss that is not finite */
    uint32_t GetDivergedCount() const;
    /** \return the first time the mean reached the target, if it did */
    std::optional<double> GetTimeToTarget() const;
    /** \return the target, if set */
    std::optional<double> GetTarget() const;
    /** \return whether the target is a loss */
    bool IsLossTarget() const;
    /** \return wall-clock seconds spent evaluating, summed over the threads that did it */
    double GetEvaluationWallSeconds() const;
    /** \return indices of the evaluated nodes (of the whole run) */
    const std::vector<uint32_t>& GetEvaluatedNodes() const;

  private:
    /** A round's node records and consensus parts, before its mean record is made. */
    struct Round
    {
        double timeSeconds{0.0};          //!< simulated time of the round
        std::vector<Record> records;      //!< per node; results filled in on completion
        std::vector<ConsensusPart> parts; //!< one per rank
    };

    /** A round whose snapshots are being evaluated. */
    struct PendingRound
    {
        Round round; //!< records without results yet
        std::vector<EvaluationResult> results;
        std::vector<double> wallSeconds;
        std::vector<std::shared_ptr<LearningWorkerPool::Job>> jobs;
    };

    void Evaluate();
    /** Complete finished rounds in order; with wait, all of them. */
    void CompleteRounds(bool wait);
    void Complete(PendingRound& pending);
    /** Add a complete round's node records and mean record, and report it. */
    void Publish(const Round& round);

    ApplicationContainer m_apps;
    std::vector<uint32_t> m_nodes; //!< node index of each application
    uint32_t m_totalNodes;
    Time m_interval;
    std::vector<uint32_t> m_evaluated;  //!< node indices of the whole run
    std::vector<uint32_t> m_evaluating; //!< positions in m_apps of the evaluated nodes
    bool m_distributed;                 //!< rounds wait for Gather()
    std::vector<Round> m_rounds;        //!< distributed: this rank's rounds
    std::optional<double> m_target;
    bool m_lossTarget{false};
    ProgressLine* m_progress{nullptr};
    std::vector<Record> m_records;
    std::optional<double> m_timeToTarget;
    std::deque<std::unique_ptr<PendingRound>> m_pending; //!< oldest first
    double m_evaluationWallSeconds{0.0};
};

} // namespace ns3

#endif /* DIVSHARE_LEARNING_MONITOR_H */
