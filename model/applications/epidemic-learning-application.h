/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_EPIDEMIC_LEARNING_APPLICATION_H
#define DIVSHARE_EPIDEMIC_LEARNING_APPLICATION_H

#include "dpsgd-application.h"

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Epidemic Learning (de Vos et al., NeurIPS '23), its EL-Oracle form: synchronous
 * rounds in which every node sends its whole model to s random nodes and receives from
 * exactly s, the topology being a fresh random s-regular directed graph each round; a node
 * averages its model with the s it received.
 *
 * It is D-PSGD whose graph changes every round, so it reuses DpsgdApplication's rounds and
 * only replaces the graph: s is the inherited Degree attribute. Every node derives round r's
 * graph from the experiment seed and r (SampleRegularRoundPeers), which stands in for the
 * paper's oracle and tells each node whom to wait for. EL-Local (independent s-out draws)
 * is not offered: a receiver cannot know how many models a round brings without a round
 * timer or empty messages, and without waiting it is what Swift already does.
 */
class EpidemicLearningApplication : public DpsgdApplication
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    EpidemicLearningApplication();
    ~EpidemicLearningApplication() override;

    std::string GetAlgorithmName() const override;
    std::string CheckConfiguration(uint32_t nodes, std::size_t parameters) const override;
    RoundPeers GetRoundPeers(uint32_t round) const override;
};

} // namespace ns3

#endif /* DIVSHARE_EPIDEMIC_LEARNING_APPLICATION_H */
