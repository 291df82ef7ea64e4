/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_APPLICATION_H
#define DIVSHARE_APPLICATION_H

#include "decentralized-learning-application.h"

namespace ns3
{

/**
 * \ingroup divshare
 * \brief DivShare (Biswas et al., WWW '25): after each local training, drop the fragments
 * still queued, cut the model into Ω random-subset fragments, send every fragment to J
 * distinct random peers (drawn per fragment) in shuffled order, and average what arrived.
 */
class DivShareApplication : public DecentralizedLearningApplication
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    DivShareApplication();
    ~DivShareApplication() override;

    std::string GetAlgorithmName() const override;
    std::string CheckConfiguration(uint32_t nodes, std::size_t parameters) const override;

  protected:
    uint32_t GetFragmentCount() const override;
    void ShareModel() override;

  private:
    uint32_t m_fragments; //!< Ω
    bool m_flush;         //!< drop unsent fragments of the previous iteration
};

} // namespace ns3

#endif /* DIVSHARE_APPLICATION_H */
