/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_SCENARIO_EXPERIMENT_H
#define DIVSHARE_SCENARIO_EXPERIMENT_H

#include "experiment.h"
#include "scenario.h"

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Turn a checked scenario into a runnable experiment: load and partition the data,
 * describe the network, and map the algorithm keys onto application attributes.
 *
 * Keys that only make sense together are checked together here, e.g. a data set needs its
 * data_path, a model must suit the data set, and an algorithm key set explicitly must be one
 * the chosen algorithm has (fragments and flush are DivShare's).
 *
 * \param scenario the scenario
 * \return the experiment
 * \throws ScenarioError naming the keys at fault; std::runtime_error or std::invalid_argument
 *         from the data readers, naming the file and the fix
 */
ExperimentConfig MakeExperimentConfig(const Scenario& scenario);

} // namespace ns3

#endif /* DIVSHARE_SCENARIO_EXPERIMENT_H */
