/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_KOLLAPS_READER_H
#define DIVSHARE_KOLLAPS_READER_H

#include "network-topology.h"

#include "ns3/data-rate.h"
#include "ns3/nstime.h"

#include <istream>
#include <string>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief What a Kollaps file leaves open: how replicas of one service reach each other when
 * the service has no bridge (the region file).
 */
struct KollapsOptions
{
    /**
     * Access rate (both directions) of a replica to its service's region router. Kollaps
     * does not shape traffic between replicas of one service; 1 Gbit/s keeps the
     * region-to-region links the bottlenecks, as in the reference.
     */
    DataRate intraRegionRate{"1Gbps"};
    /** One-way delay of those access links; 0 keeps host-to-host latency = the link's. */
    Time intraRegionDelay{Seconds(0)};
};

/**
 * \ingroup divshare
 * \brief Imports a Kollaps experiment XML as Kollaps' own parsers read it (the table in
 * doc/divshare.rst, "Kollaps files", gives every rule and what is not modelled).
 *
 * - `<service name= replicas=N>` becomes N learning hosts NAME-0 .. NAME-(N-1), in file
 *   order; with joins in `<dynamic>`, one host per joined replica. A `supervisor` service
 *   (the dashboard) is skipped, with its links.
 * - `<bridge name=>` becomes a router.
 * - `<link origin= dest= latency= upload= [download=] [jitter=] [drop=]>` is directed, as
 *   in Kollaps: `download` adds dest -> origin with the same latency, jitter and drop; a
 *   link the other way is the other direction. Each pair of nodes becomes one link whose
 *   directions have their own rate, delay, jitter (JitterChannel) and loss.
 *   - service–bridge: the service's replicas' access links;
 *   - bridge–bridge: a router link;
 *   - any other service (links to services, e.g. regions, or to several bridges: general
 *     graphs, or share="true") gets a router NAME, its replicas attach to it (at
 *     KollapsOptions' intra-region rate and delay; shared: at the link's rates), and each of
 *     its links becomes a router link.
 * - `<dynamic>`'s `<schedule>`s become NetworkTopology::events (see Schedules() in the .cc).
 * - An element or attribute Kollaps does not define is refused, as is what is not
 *   modelled (a one-way link, routing by latency, adding links during a run).
 *
 * Errors name file:line and the problem.
 */
class KollapsReader
{
  public:
    /**
     * \param path a Kollaps XML file
     * \param options intra-region access links
     * \return the topology, validated
     * \throws std::runtime_error when unreadable; std::invalid_argument naming file:line
     */
    static NetworkTopology Read(const std::string& path,
                                const KollapsOptions& options = KollapsOptions());
    /**
     * \param in the XML text
     * \param name for error messages (a file name)
     * \param options intra-region access links
     * \return the topology, validated
     * \throws std::invalid_argument naming name:line
     */
    static NetworkTopology Parse(std::istream& in,
                                 const std::string& name,
                                 const KollapsOptions& options = KollapsOptions());
};

} // namespace ns3

#endif /* DIVSHARE_KOLLAPS_READER_H */
