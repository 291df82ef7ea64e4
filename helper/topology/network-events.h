/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_NETWORK_EVENTS_H
#define DIVSHARE_NETWORK_EVENTS_H

#include "ns3/data-rate.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

struct NetworkTopology;

/**
 * \ingroup divshare
 * \brief A change of the network during a run: a node joins, leaves, crashes, disconnects or
 * reconnects; a link changes its rate, delay or loss, goes down or comes up.
 *
 * One text form serves every input (topology files' `event` lines, the Events attribute,
 * Kollaps `<dynamic>` schedules once translated):
 *
 *     TIME join|leave|crash|disconnect|reconnect NODE
 *     TIME link-set A B [rate=RATE] [up=RATE] [down=RATE] [delay=TIME] [jitter=TIME] [loss=P]
 *     TIME link-down A B
 *     TIME link-up A B
 *
 * NODE is a learning node's name or index; A B are a link's two ends (a host and its router,
 * or two routers), `up` is A -> B and `down` B -> A, `rate` both; `delay`, `jitter` (the
 * standard deviation of a normal per-packet delay, see JitterChannel) and `loss` apply to
 * both directions. What each means:
 * - join: the node is absent until TIME (its application starts then, from its initial
 *   model); peers that send to it before get refused connections and back off.
 * - leave: it stops training and closes its connections (peers see them close).
 * - crash: its links go down and it stops at once; peers are not told.
 * - disconnect / reconnect: its links go down / up; it keeps training, and its state.
 * - link-down / link-up: both ends go down / up and routes are recomputed.
 * A node that left or crashed does not come back (that would be a new node); one that
 * disconnected does, with its state.
 */
struct NetworkEvent
{
    /** What happens. */
    enum Action : uint8_t
    {
        JOIN,
        LEAVE,
        CRASH,
        DISCONNECT,
        RECONNECT,
        LINK_SET,
        LINK_DOWN,
        LINK_UP,
    };

    Time at;                      //!< when
    Action action{JOIN};          //!< what
    std::string node;             //!< node events: a learning node's name or index
    std::string a;                //!< link events: one end of the link
    std::string b;                //!< link events: the other end
    std::optional<DataRate> up;   //!< link-set: new rate A -> B
    std::optional<DataRate> down; //!< link-set: new rate B -> A
    std::optional<Time> delay;    //!< link-set: new one-way delay
    std::optional<double> loss;   //!< link-set: new packet error rate
    std::optional<Time> jitter;   //!< link-set: new jitter (standard deviation)
    /** link-set: delay, jitter and loss change A -> B only (Kollaps' directed links). */
    bool oneWay{false};
    std::string origin; //!< where it was given ("file:line", "Events item 2")

    uint32_t host{0};     //!< node events, once resolved: the node index
    uint32_t link{0};     //!< link events, once resolved: index into InstalledTopology::links
    bool reversed{false}; //!< link events, once resolved: A B name the link's B A

    /**
     * \brief Parse one event from its words (TIME ACTION ARGS... key=value...).
     * \throws std::invalid_argument naming the problem and the expected form
     */
    static NetworkEvent Parse(const std::vector<std::string>& words);
    /**
     * \brief Parse events separated by ';' or newlines.
     * \param name what the text is called in messages (e.g. the attribute's name)
     * \throws std::invalid_argument "NAME item K: ..."
     */
    static std::vector<NetworkEvent> ParseList(const std::string& text, const std::string& name);
    /**
     * \brief Read events from a file, one per line in the same form ('#' starts a comment; a
     * leading `event`, as in topology files, may be kept), e.g. a rate trace of link-set lines.
     * \throws std::runtime_error when unreadable; std::invalid_argument naming path:line
     */
    static std::vector<NetworkEvent> ReadFile(const std::string& path);
    /**
     * \brief A seeded churn: every node in turn disconnects after an exponentially distributed
     * time (rate per node and second) and reconnects after an exponentially distributed
     * downtime, until \p end. The draws are portable (SplitMix64), so a seed gives the same
     * churn on every machine.
     * \param nodes learning nodes
     * \param rate disconnections per node and second (> 0)
     * \param downtime mean downtime
     * \param end the run's end
     * \param seed the run's seed
     * \param origin what the events are called in messages
     */
    static std::vector<NetworkEvent> MakeChurn(uint32_t nodes,
                                               double rate,
                                               Time downtime,
                                               Time end,
                                               uint64_t seed,
                                               const std::string& origin);
    /** \return the action's name as written */
    static std::string ActionName(Action action);
    /** \return whether the event concerns a node (not a link) */
    bool IsNodeEvent() const;
};

/**
 * \ingroup divshare
 * \brief Events resolved for a run: those it reaches, and those at or after its end.
 */
struct ResolvedNetworkEvents
{
    std::vector<NetworkEvent> inRun;      //!< times in [0, end), sorted (stable), resolved
    std::vector<NetworkEvent> notReached; //!< times >= end: checked like the others, not run
};

/**
 * \ingroup divshare
 * \brief Resolve the events' names against a topology and check that each makes sense in
 * its order (time, then as given): a join only for a node that is absent (its first event),
 * a reconnect only after a disconnect, nothing after a leave or crash, a link-up only for a
 * link that is down, no negative time. Events at or after \p end are checked the same way
 * but not run: an experiment file (Kollaps') describes the whole experiment, of which a run
 * may simulate the first part.
 * \return the events sorted by time (stable), resolved, split at \p end
 * \throws std::invalid_argument "ORIGIN: problem; fix"
 */
ResolvedNetworkEvents ResolveNetworkEvents(std::vector<NetworkEvent> events,
                                           const NetworkTopology& topology,
                                           Time end);

/**
 * \param notReached events after the run's end (ResolvedNetworkEvents::notReached)
 * \return one line that says how many and which comes first; empty when there are none
 */
std::string DescribeNotReached(const std::vector<NetworkEvent>& notReached);

} // namespace ns3

#endif /* DIVSHARE_NETWORK_EVENTS_H */
