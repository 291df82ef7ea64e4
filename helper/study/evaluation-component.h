/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_EVALUATION_COMPONENT_H
#define DIVSHARE_EVALUATION_COMPONENT_H

#include "experiment-component.h"

#include "ns3/learning-monitor.h"
#include "ns3/progress-line.h"

namespace ns3
{

/**
 * \ingroup divshare
 * \brief How the study measures learning: which nodes are evaluated and how often, the target
 * for time-to-target, and the progress line. Its LearningMonitor holds the evaluations.
 */
class EvaluationComponent : public ExperimentComponent
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    void Configure(ExperimentContext& context) override;
    void Install(ExperimentContext& context) override;
    void Finish(ExperimentContext& context) override;

    /** \return the monitor, or null before Install */
    LearningMonitor* GetMonitor() const;

  protected:
    void DoDispose() override;

  private:
    double m_interval;
    uint32_t m_nodes;
    double m_target;
    bool m_progress;

    std::unique_ptr<LearningMonitor> m_monitor;
    std::unique_ptr<ProgressLine> m_progressLine; //!< with Progress
};

} // namespace ns3

#endif /* DIVSHARE_EVALUATION_COMPONENT_H */
