/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_EXPERIMENT_RESULT_H
#define DIVSHARE_EXPERIMENT_RESULT_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

class LearningMonitor;
struct NodeTraffic;

/**
 * \ingroup divshare
 * \brief The figures of a finished run (the files hold the rest).
 */
struct ExperimentResult
{
    double finalMeanAccuracy{0.0};        //!< NaN for rating tasks
    double finalMeanLoss{0.0};            //!< test loss at the end
    double finalMeanMae{0.0};             //!< NaN for classification tasks
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
    double trainingWallSeconds{0.0};      //!< wall seconds of training, all nodes

    /**
     * \param monitor the run's evaluations (gathered on this rank)
     * \param traffic a row per learning node
     * \param wallSeconds the run's wall-clock duration
     * \return the run's figures: the one place they are computed
     */
    static ExperimentResult Compute(const LearningMonitor& monitor,
                                    const std::vector<NodeTraffic>& traffic,
                                    double wallSeconds);

    /**
     * \param value a final mean (accuracy or loss) of this result
     * \return it as text, or a sentence saying that no node was left to evaluate (the mean
     * of nothing is NaN)
     */
    std::string Final(double value) const;
};

} // namespace ns3

#endif /* DIVSHARE_EXPERIMENT_RESULT_H */
