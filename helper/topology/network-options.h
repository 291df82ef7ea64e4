/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_NETWORK_OPTIONS_H
#define DIVSHARE_NETWORK_OPTIONS_H

#include "ns3/queue-size.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Network knobs applied by TopologyHelper, settable by key as strings (scenario
 * files, command lines):
 *
 * | key          | values                                   | default                     |
 * |--------------|------------------------------------------|-----------------------------|
 * | queueDisc    | default, fifo, red, codel, fq-codel      | default (ns-3's: FQ-CoDel over a
 * 100-packet device queue) | | queueSize    | e.g. 100p, 150000B                       | the
 * discipline's own        | | tcpVariant   | default, newreno, cubic, bbr, vegas, dctcp, ... or an
 * ns-3 TypeId | default (ns-3's: Cubic) | | mtu          | bytes, 576..9000 | 1500 | | errorRate |
 * packet error rate of every link, [0, 1]  | 0                           |
 *
 * The queue discipline sits at every router egress (toward hosts and toward other routers);
 * hosts keep ns-3's default. With an explicit discipline the router's device queue shrinks to
 * one packet, so the backlog waits in the discipline, where its size, AQM and drops are
 * what they say. A queue size given without a discipline (here or per link in a topology
 * file) selects FIFO. A link's own loss (topology file `loss=`, Kollaps `drop`) replaces
 * errorRate on that link.
 */
struct NetworkOptions
{
    std::string queueDisc{"default"};   //!< see the table
    std::optional<QueueSize> queueSize; //!< see the table
    std::string tcpVariant{"default"};  //!< see the table
    uint32_t mtu{1500};                 //!< IP MTU of every link, bytes
    double errorRate{0.0};              //!< packet error rate of every link

    /**
     * \param name a queue discipline of the table, or "default"
     * \throws std::invalid_argument naming the known ones
     */
    void SetQueueDisc(const std::string& name);
    /**
     * \param name a TCP variant of the table, "default", or an ns-3 TCP TypeId
     * \throws std::invalid_argument naming the known ones
     */
    void SetTcpVariant(const std::string& name);

    /**
     * \return the discipline to install at routers: queueDisc, or "fifo" when only a size
     * is given, or "default"
     * \param linkQueue a link's own queue size, if any
     */
    std::string EffectiveQueueDisc(const std::optional<QueueSize>& linkQueue) const;

    /** \return the queue disciplines' names (besides "default") */
    static std::vector<std::string> GetQueueDiscs();

    /** \return the ns-3 TypeId name of the queue discipline \p name */
    static std::string QueueDiscTypeId(const std::string& name);

    /**
     * \return the ns-3 TypeId name of tcpVariant, or empty for ns-3's default
     */
    std::string TcpTypeId() const;

    /**
     * \return the TCP segment size the MTU allows: MTU minus 20 bytes of IP, 20 of TCP and
     * 12 of the timestamp option (1448 for 1500)
     */
    uint32_t MaxSegmentSize() const;

    /**
     * \brief Set the process-wide defaults these options imply (TCP variant). Call before
     * creating sockets.
     */
    void ApplyDefaults() const;
};

} // namespace ns3

#endif /* DIVSHARE_NETWORK_OPTIONS_H */
