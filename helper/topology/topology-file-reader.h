/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_TOPOLOGY_FILE_READER_H
#define DIVSHARE_TOPOLOGY_FILE_READER_H

#include "cross-traffic-flow.h"
#include "network-topology.h"

#include <istream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief A topology file's content: the network, and the cross traffic it declares.
 */
struct TopologyFile
{
    NetworkTopology topology;                   //!< routers, learning hosts, endpoints, links
    std::vector<CrossTrafficFlow> crossTraffic; //!< its `traffic` lines
};

/**
 * \ingroup divshare
 * \brief Reads divshare's own line-based topology format.
 *
 * One statement per line; `#` starts a comment; words are separated by spaces; options are
 * key=value. A name is letters, digits, `_`, `-`, `.`, and must be unique among routers,
 * hosts and endpoints. Routers must be declared before they are used.
 *
 *     router NAME
 *     host NAME ROUTER rate=RATE delay=DELAY [up=RATE] [down=RATE] [jitter=TIME] [queue=SIZE]
 *          [loss=P]
 *     hosts PREFIX COUNT ROUTER (same options)    # PREFIX0 .. PREFIX<COUNT-1>
 *     endpoint NAME ROUTER (same options)         # not a learning node: cross traffic only
 *     link A B rate=RATE delay=DELAY [up=RATE] [down=RATE] [jitter=TIME] [queue=SIZE] [loss=P]
 *     traffic bulk FROM TO [start=TIME] [stop=TIME] [maxBytes=N]
 *     traffic onoff FROM TO rate=RATE [on=TIME] [off=TIME] [size=BYTES] [start=] [stop=]
 *
 * Learning hosts become learning nodes 0, 1, ... in file order. For a host, `up` is the
 * host -> router rate and `down` the router -> host rate; for a link, `up` is A -> B and
 * `down` B -> A. `rate` sets both; `up`/`down` override it; a rate for each direction is
 * required. `delay` (one-way) is required; `jitter` is the standard deviation of a normal
 * per-packet extra delay, both directions (JitterChannel: the link's order is kept). `queue` sizes
 * the router queue(s) on the link (see NetworkOptions); `loss` is a packet error rate in [0, 1].
 *
 * Units: RATE is bits/s with bps, Kbps, Mbps or Gbps (any case), DELAY/TIME us, ms or s,
 * SIZE packets (100p) or bytes (150000B).
 *
 * Every error names file:line, the problem, and what is expected.
 */
class TopologyFileReader
{
  public:
    /**
     * \param path a topology file
     * \return its content, validated
     * \throws std::runtime_error when unreadable; std::invalid_argument with file:line
     */
    static TopologyFile Read(const std::string& path);
    /**
     * \param in the text
     * \param name the name to use in error messages (a file name)
     * \return its content, validated
     * \throws std::invalid_argument with name:line, the problem and the fix
     */
    static TopologyFile Parse(std::istream& in, const std::string& name);
};

} // namespace ns3

#endif /* DIVSHARE_TOPOLOGY_FILE_READER_H */
