/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_NETWORK_DYNAMICS_H
#define DIVSHARE_NETWORK_DYNAMICS_H

#include "ns3/application-container.h"
#include "ns3/network-events.h"
#include "ns3/topology-helper.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Carries out resolved NetworkEvents on an installed network and its learning
 * applications, and keeps the membership log (membership.csv).
 *
 * Node events act on the node's DecentralizedLearningApplication and its interfaces (see
 * NetworkEvent); link events on the link's two devices: rates on each direction's device,
 * delay on the channel, loss as a packet error model on both receivers; a link going down
 * or up sets both ends' interfaces and recomputes global routing (and the routers' copies
 * of it, Ipv4SubnetRouting). A host whose link comes back gets its default route again.
 * Peers are not told of any change by default: they keep sampling the configured
 * membership, and the transport's timeouts and backoff handle peers that do not answer. With
 * a membership delay, every node learns of a departure (leave, crash, disconnect) or an
 * arrival (join, reconnect) that long after it happens, as a failure detector or a gossiped
 * membership would tell it, and draws its peers among the nodes it knows (nodes that join
 * later are unknown until then).
 */
class NetworkDynamics
{
  public:
    /** One row of membership.csv. */
    struct Change
    {
        Time at;           //!< when
        uint32_t node;     //!< node index
        std::string event; //!< start (present from the beginning), join, leave, crash, ...
    };

    /**
     * \param installed the network (kept by reference: it must outlive this object)
     * \param apps the learning applications, by node index
     */
    NetworkDynamics(const InstalledTopology& installed, ApplicationContainer apps);

    /** \param delay how long after a node event the others learn of it (0: never) */
    void SetMembershipDelay(Time delay);

    /**
     * \brief Schedule the events (resolved, see ResolveNetworkEvents) before the run: nodes
     * that join start absent (their application's start time becomes the join time; a join
     * the run does not reach keeps them absent throughout).
     */
    void Schedule(const ResolvedNetworkEvents& events);

    /** \return the membership changes so far, in time order */
    std::vector<Change> GetMembership() const;

  private:
    void Apply(const NetworkEvent& event);
    /** Apply an event at 0 s after the events that start the applications (a second hop). */
    void ApplyAfterStart(const NetworkEvent& event);
    void SetNodeUp(uint32_t node, bool up);
    void SetLinkUp(const InstalledLink& link, bool up);
    void RecomputeRoutes();
    void Announce(uint32_t node, bool known);

    const InstalledTopology& m_installed;
    ApplicationContainer m_apps;
    std::vector<Change> m_membership;
    Time m_membershipDelay;
};

} // namespace ns3

#endif /* DIVSHARE_NETWORK_DYNAMICS_H */
