/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_DPSGD_APPLICATION_H
#define DIVSHARE_DPSGD_APPLICATION_H

#include "decentralized-learning-application.h"

#include "ns3/peer-sampling.h"

#include <map>
#include <optional>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Synchronous D-PSGD (Lian et al., NeurIPS '17) on a fixed graph: in round r a node
 * trains, sends its whole model to its neighbours, waits until it holds every neighbour's
 * round-r model, and averages them with its own (uniform weights 1/(d+1), which is the
 * shared count-based average on a d-regular graph).
 *
 * The graph is a random connected Degree-regular graph drawn from the experiment seed, so
 * every node derives the same one without exchanging anything (MakeRandomRegularGraph).
 * Rounds are the nodes' iterations, carried by every message. A neighbour that is a round
 * ahead can deliver its round-(r+1) model before this node has aggregated round r; such
 * models wait in a per-round buffer, not in the inbox, whose one slot per sender would let
 * them replace the round-r model. A straggler therefore holds back its neighbours, and
 * through them everyone: nobody gets more than one round ahead of any neighbour.
 *
 * Subclasses with another graph per round (Epidemic Learning) override GetRoundPeers().
 */
class DpsgdApplication : public DecentralizedLearningApplication
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    DpsgdApplication();
    ~DpsgdApplication() override;

    std::string GetAlgorithmName() const override;
    bool WaitsForNeighbours() const override;
    std::string CheckConfiguration(uint32_t nodes, std::size_t parameters) const override;

    /**
     * \param round a round (iteration), from 1
     * \return whom this node sends its round-round model to, and whose it waits for
     */
    virtual RoundPeers GetRoundPeers(uint32_t round) const;

  protected:
    void ShareModel() override;
    bool HandleMessage(const DivShareHeader& header, std::vector<float>& values) override;
    bool IsReadyToAggregate() const override;

  private:
    /** The fixed graph's neighbours of this node, built on first use (after SetPeers). */
    mutable std::optional<std::vector<uint32_t>> m_neighbours;
    /** Models of rounds this node has not reached yet: round -> sender -> values. */
    std::map<uint32_t, std::map<uint32_t, std::vector<float>>> m_early;
};

} // namespace ns3

#endif /* DIVSHARE_DPSGD_APPLICATION_H */
