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

/**
 * \ingroup divshare
 * \brief An undirected graph as adjacency lists: entry i holds node i's neighbours, ascending.
 */
using Graph = std::vector<std::vector<uint32_t>>;

/**
 * \ingroup divshare
 * \brief A random connected degree-regular graph, identical on every node that shares the seed
 * (D-PSGD's fixed communication graph).
 *
 * Stubs are paired at random, skipping pairs that would make a self-loop or a double edge
 * (Steger and Wormald's procedure); a pairing that gets stuck or a disconnected graph is
 * drawn again. degree = nodes - 1 gives the complete graph.
 * \param nodes number of nodes, at least 2
 * \param degree neighbours per node, in [1, nodes - 1]; nodes x degree must be even, and
 *        degree 1 is connected only for 2 nodes
 * \param seed the experiment-wide seed
 * \return the graph
 * \throws std::invalid_argument for an impossible (nodes, degree)
 */
Graph MakeRandomRegularGraph(uint32_t nodes, uint32_t degree, uint64_t seed);

/** Whom a node sends to and hears from in one round. */
struct RoundPeers
{
    std::vector<uint32_t> out; //!< nodes this node sends its model to
    std::vector<uint32_t> in;  //!< nodes whose models this node waits for
};

/**
 * \ingroup divshare
 * \brief Epidemic Learning's oracle topology for one round: a fresh random s-regular
 * directed graph, so that every node sends to s others and receives from exactly s.
 *
 * The nodes are put in a random cyclic order drawn from (seed, round); a node sends to the s
 * nodes that follow it and hears from the s that precede it. Each node's recipients are a
 * uniformly random s-subset of the others, and every node can compute every node's peers
 * without coordination.
 * \param self the node asking
 * \param nodes number of nodes
 * \param fanout s, in [1, nodes - 1]
 * \param seed the experiment-wide seed
 * \param round the round
 * \return self's s recipients and s senders of that round
 * \throws std::invalid_argument for an impossible fanout or node index
 */
RoundPeers SampleRegularRoundPeers(uint32_t self,
                                   uint32_t nodes,
                                   uint32_t fanout,
                                   uint64_t seed,
                                   uint32_t round);

} // namespace ns3

#endif /* DIVSHARE_PEER_SAMPLING_H */
