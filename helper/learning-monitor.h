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
     * \param apps the DecentralizedLearningApplications to watch
     * \param interval simulated time between evaluations
     */
    LearningMonitor(ApplicationContainer apps, Time interval);
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
    /** \return indices of the evaluated nodes */
    const std::vector<uint32_t>& GetEvaluatedNodes() const;

  private:
    /** An evaluation round whose snapshots are being evaluated. */
    struct Round
    {
        Record mean;                 //!< consensus distance and times set
        std::vector<Record> records; //!< per node; results filled in on completion
        std::vector<EvaluationResult> results;
        std::vector<double> wallSeconds;
        std::vector<std::shared_ptr<LearningWorkerPool::Job>> jobs;
    };

    void Evaluate();
    /** Complete finished rounds in order; with wait, all of them. */
    void CompleteRounds(bool wait);
    void Complete(Round& round);

    ApplicationContainer m_apps;
    Time m_interval;
    std::vector<uint32_t> m_evaluated;
    std::optional<double> m_target;
    bool m_lossTarget{false};
    ProgressLine* m_progress{nullptr};
    std::vector<Record> m_records;
    std::optional<double> m_timeToTarget;
    std::deque<std::unique_ptr<Round>> m_pending; //!< oldest first
    double m_evaluationWallSeconds{0.0};
};

} // namespace ns3

#endif /* DIVSHARE_LEARNING_MONITOR_H */
