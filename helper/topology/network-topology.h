/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_NETWORK_TOPOLOGY_H
#define DIVSHARE_NETWORK_TOPOLOGY_H

#include "network-events.h"

#include "ns3/data-rate.h"
#include "ns3/nstime.h"
#include "ns3/queue-size.h"
#include "ns3/vector.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief One direction of a link, where it differs from the other (Kollaps' links are
 * directed: each direction has its own latency, jitter and drop).
 */
struct LinkDirection
{
    Time delay;       //!< one-way propagation delay
    Time jitter{0};   //!< standard deviation of the per-packet extra delay (JitterChannel)
    double loss{0.0}; //!< packet error rate (0: NetworkOptions::errorRate)
};

/**
 * \ingroup divshare
 * \brief A learning node's Wi-Fi access: a station of one cell (NetworkTopology::cells).
 */
struct WifiAccess
{
    uint32_t cell;    //!< index into NetworkTopology::cells
    Vector offset{};  //!< start position, relative to the cell's access point (m)
    double speed{0};  //!< walking speed (m/s); 0: the station stays where it is
    double bounds{0}; //!< the walk stays within this distance of the AP on each axis (m)
    /** How it moves: a random walk (a new direction every second) or random waypoints. */
    bool waypoints{false};
    double pause{0};      //!< seconds a waypoint walker rests at each waypoint
    std::string origin{}; //!< file:line of its station line, for messages
};

/**
 * \ingroup divshare
 * \brief A Wi-Fi cell: one access point, a router of the topology whose wired link is a
 * router link, and its BSS of stations (hosts with WifiAccess). Each cell is its own radio
 * channel: BSSs do not interfere (see doc/divshare.rst, "Wi-Fi access").
 */
struct WifiCellSpec
{
    uint32_t router;              //!< the access point: index into NetworkTopology::routers
    std::string standard{"ax"};   //!< 802.11 ax, ac or n
    std::string band{"5GHz"};     //!< 2.4GHz, 5GHz or 6GHz
    uint16_t channel{0};          //!< channel number; 0: the cell's own, in cell order
    uint16_t width{20};           //!< channel width, MHz
    std::string manager{"ideal"}; //!< rate control: ideal, minstrel-ht or constant
    std::string mode{};           //!< the constant manager's data mode, e.g. HeMcs5
    Vector position{};            //!< the AP's position (m)
    double exponent{3.0};
    /** Frames of more bytes go after an RTS/CTS exchange (against hidden terminals); unset:
     * ns-3's default, which never uses it. */
    std::optional<uint32_t> rtsThreshold{}; //!< path loss exponent of the log-distance model
    std::string origin{};                   //!< file:line, for messages
};

/**
 * \ingroup divshare
 * \brief A host (a learning node, or a cross-traffic endpoint) attached to a router by its
 * access link, or, for a learning node with WifiAccess, a Wi-Fi station of a cell whose AP is
 * that router.
 */
struct HostSpec
{
    std::string name;  //!< for outputs and error messages
    uint32_t router;   //!< index into NetworkTopology::routers
    DataRate uplink;   //!< host -> router rate
    DataRate downlink; //!< router -> host rate
    Time delay;        //!< one-way propagation delay
    /** Size of the router's queue toward this host (unset: NetworkOptions decide). */
    std::optional<QueueSize> queue{};
    double loss{0.0}; //!< packet error rate of the link (0: NetworkOptions::errorRate)
    Time jitter{0};   //!< standard deviation of the per-packet extra delay (JitterChannel)
    /** The router -> host direction, where it differs (delay, jitter, loss above: both). */
    std::optional<LinkDirection> back{};
    /** A Wi-Fi station instead of an access link (the link's fields above are unused). */
    std::optional<WifiAccess> wifi{};
};

/**
 * \ingroup divshare
 * \brief A point-to-point link between two routers.
 */
struct RouterLinkSpec
{
    uint32_t a;        //!< router index
    uint32_t b;        //!< router index
    DataRate rateAtoB; //!< a -> b rate
    DataRate rateBtoA; //!< b -> a rate
    Time delay;        //!< one-way propagation delay
    /** Size of the queues at both ends (unset: NetworkOptions decide). */
    std::optional<QueueSize> queue{};
    double loss{0.0}; //!< packet error rate of the link (0: NetworkOptions::errorRate)
    Time jitter{0};   //!< standard deviation of the per-packet extra delay (JitterChannel)
    /** The b -> a direction, where it differs (delay, jitter, loss above: both). */
    std::optional<LinkDirection> back{};
};

/** A class of communication stragglers: count nodes whose access link runs at rate. */
struct StragglerClass
{
    uint32_t count; //!< number of nodes in the class
    DataRate rate;  //!< their access rate, both directions
};

/**
 * \ingroup divshare
 * \brief A network described as data: routers, hosts on access links, router links.
 *
 * Topology readers and generators produce it; TopologyHelper installs it. Host i becomes
 * learning node i.
 */
struct NetworkTopology
{
    std::vector<std::string> routers;  //!< router names
    std::vector<HostSpec> hosts;       //!< learning nodes, in node-index order
    std::vector<RouterLinkSpec> links; //!< router-to-router links
    /** Hosts that are not learning nodes: sources and sinks of cross traffic. */
    std::vector<HostSpec> endpoints;
    /** How it changes during a run (names unresolved: see ResolveNetworkEvents). */
    std::vector<NetworkEvent> events;
    /** Wi-Fi cells, whose stations are hosts with WifiAccess. */
    std::vector<WifiCellSpec> cells;

    /**
     * \brief The reference star: every node on its own access link to one switch/router.
     * The last nodes are the stragglers, class after class.
     * \param nodes number of learning nodes
     * \param rate access rate of the non-straggler nodes (both directions)
     * \param delay one-way delay of every access link
     * \param stragglers straggler classes
     * \return the topology
     */
    static NetworkTopology Star(uint32_t nodes,
                                DataRate rate,
                                Time delay,
                                const std::vector<StragglerClass>& stragglers = {});

    /**
     * \param name a router name
     * \return its index, or nothing
     */
    std::optional<uint32_t> FindRouter(const std::string& name) const;

    /**
     * \param name a host's name, or its index
     * \return the learning node it denotes
     * \throws std::invalid_argument saying which names and indices there are
     */
    uint32_t HostIndex(const std::string& name) const;

    /**
     * \brief Check that indices are in range, names unique, rates, delays and loss usable.
     * Whether every host reaches every other is CheckConnected()'s question: a partition
     * study runs islands on purpose.
     * \throws std::invalid_argument naming the faulty element
     */
    void Validate() const;

    /**
     * \return the learning nodes by island (routers joined by router links), each island's
     * nodes in index order, islands in the order of their first node
     * \throws std::invalid_argument when an endpoint's island has no learning node
     */
    std::vector<std::vector<uint32_t>> Islands() const;

    /**
     * \brief Check that every learning node reaches every other.
     * \param allowKey the setting that would allow islands, named in the message
     * \throws std::invalid_argument naming two nodes that cannot reach each other
     */
    void CheckConnected(const std::string& allowKey) const;
};

} // namespace ns3

#endif /* DIVSHARE_NETWORK_TOPOLOGY_H */
