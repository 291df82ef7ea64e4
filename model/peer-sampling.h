/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_PEER_SAMPLING_H
#define DIVSHARE_PEER_SAMPLING_H

#include <cstdint>
#include <functional>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief A source of uniform integers in [0, bound); the applications back it with an ns-3
 * RandomVariableStream so that AssignStreams() controls every draw.
 */
using BoundedRandom = std::function<uint32_t(uint32_t bound)>;

/**
 * \ingroup divshare
 * \brief Draw distinct peers uniformly among the other nodes.
 * \param self the drawing node, never drawn
 * \param nodes number of nodes
 * \param count number of peers, at most nodes - 1
 * \param random the random source
 * \return count distinct node indices other than self
 */
std::vector<uint32_t> SampleDistinctPeers(uint32_t self,
                                          uint32_t nodes,
                                          uint32_t count,
                                          const BoundedRandom& random);

/**
 * \ingroup divshare
 * \brief Draw peers uniformly among the other nodes, with replacement.
 * \param self the drawing node, never drawn
 * \param nodes number of nodes, at least 2
 * \param count number of draws
 * \param random the random source
 * \return count node indices other than self, possibly repeated
 */
std::vector<uint32_t> SamplePeersWithReplacement(uint32_t self,
                                                 uint32_t nodes,
                                                 uint32_t count,
                                                 const BoundedRandom& random);

/** One (peer, fragment) pair of a send plan. */
struct FragmentTransmission
{
    uint32_t peer;     //!< destination node index
    uint32_t fragment; //!< fragment id
};

/**
 * \ingroup divshare
 * \brief DivShare's send plan: each of the Ω fragments goes to J distinct random peers,
 * drawn independently per fragment, and all Ω·J pairs are shuffled into sending order.
 * \param self the sending node
 * \param nodes number of nodes
 * \param fragments Ω
 * \param degree J, at most nodes - 1
 * \param random the random source
 * \return the Ω·J transmissions in sending order
 */
std::vector<FragmentTransmission> PlanFragmentSends(uint32_t self,
                                                    uint32_t nodes,
                                                    uint32_t fragments,
                                                    uint32_t degree,
                                                    const BoundedRandom& random);

} // namespace ns3

#endif /* DIVSHARE_PEER_SAMPLING_H */
