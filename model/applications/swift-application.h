/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_SWIFT_APPLICATION_H
#define DIVSHARE_SWIFT_APPLICATION_H

#include "decentralized-learning-application.h"

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Swift (Bornstein et al., ICLR '23) as the DivShare paper ran it: after each local
 * training, queue the whole model for J distinct random peers, never drop what is still
 * queued, and average whatever arrived without waiting for anybody.
 *
 * It is DivShare's loop with Ω = 1 and no flush, but its own class rather than
 * DivShareApplication under another name: ns-3 attribute defaults belong to the TypeId that
 * declares them, so a renamed DivShare would default to Ω = 10 with flushing and expose knobs
 * that turn it back into DivShare.
 */
class SwiftApplication : public DecentralizedLearningApplication
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    SwiftApplication();
    ~SwiftApplication() override;

    std::string GetAlgorithmName() const override;

  protected:
    void ShareModel() override;
};

} // namespace ns3

#endif /* DIVSHARE_SWIFT_APPLICATION_H */
