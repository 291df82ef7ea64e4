/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_TOPOLOGY_PARTITION_H
#define DIVSHARE_TOPOLOGY_PARTITION_H

#include "ns3/network-topology.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Which rank of ns-3's distributed simulator (MPI) simulates each node of a topology.
 *
 * Ranks exchange packets only over point-to-point links, and a rank may run ahead of its
 * neighbours by the delay of the links between them (the lookahead), so the cut goes along
 * links, and every link it cuts needs a delay:
 * - with at least as many routers as ranks, the routers are split, in file order, into
 *   contiguous blocks of about the same weight (a router counts 1 plus its learning nodes,
 *   which do the training), and every host and endpoint goes with its router: only
 *   router-to-router links are cut;
 * - with fewer routers than ranks (a star), the routers and the endpoints stay on rank 0 and
 *   the learning nodes are split, in index order, into contiguous blocks of equal size: the
 *   access links are cut.
 */
struct TopologyPartition
{
    std::vector<uint32_t> routerRank;   //!< per router of the topology
    std::vector<uint32_t> hostRank;     //!< per learning node
    std::vector<uint32_t> endpointRank; //!< per cross-traffic endpoint
    /** The smallest delay of a link between two ranks; zero when no link is cut. */
    Time lookahead;

    /**
     * \param topology a validated topology
     * \param ranks the number of ranks, from 1
     * \return the partition
     * \throws std::invalid_argument when ranks is 0, when a rank would get no learning node
     *         (stars), or when a link the cut crosses has no delay; the message
     *         names the link or the numbers and says how to fix it
     */
    static TopologyPartition Make(const NetworkTopology& topology, uint32_t ranks);

    /**
     * \param rank a rank
     * \return the number of learning nodes it simulates
     */
    uint32_t CountHosts(uint32_t rank) const;
};

} // namespace ns3

#endif /* DIVSHARE_TOPOLOGY_PARTITION_H */
