/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_ADPSGD_APPLICATION_H
#define DIVSHARE_ADPSGD_APPLICATION_H

#include "decentralized-learning-application.h"

namespace ns3
{

/**
 * \ingroup divshare
 * \brief AD-PSGD (Lian et al., ICML '18) as the DivShare paper ran it: after each local
 * training, push the whole model to J/2 random peers (drawn with replacement); a node that
 * receives a push answers the sender with its own latest model; each node averages its model
 * with everything in its inbox (pushes and replies alike), count-weighted, without waiting.
 * Nothing queued is ever dropped.
 *
 * The textbook variant, where a pair of nodes atomically replaces both models by their
 * average, is not offered: it needs the receiver to change its model at the moment a push
 * arrives and the initiator to block until the answer, both outside the shared loop's
 * train-share-aggregate cycle.
 */
class AdPsgdApplication : public DecentralizedLearningApplication
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    AdPsgdApplication();
    ~AdPsgdApplication() override;

    std::string GetAlgorithmName() const override;
    std::string CheckConfiguration(uint32_t nodes, std::size_t parameters) const override;

  protected:
    void ShareModel() override;
    bool HandleMessage(const DivShareHeader& header, std::vector<float>& values) override;
};

} // namespace ns3

#endif /* DIVSHARE_ADPSGD_APPLICATION_H */
