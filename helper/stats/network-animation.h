/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_NETWORK_ANIMATION_H
#define DIVSHARE_NETWORK_ANIMATION_H

#include "ns3/application-container.h"
#include "ns3/network-topology.h"
#include "ns3/nstime.h"
#include "ns3/topology-helper.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

class AnimationInterface;

/**
 * \ingroup divshare
 * \brief A NetAnim trace of the first seconds of a run: every packet on every link, and per
 * learning node a counter of the model messages it has received.
 *
 * Layout: each router on a circle (a single router at the centre), its hosts on a circle
 * around it; so a star is a circle and a region graph shows its regions as groups. Learning
 * nodes are labelled with their names and coloured by access rate (red: slower than the
 * fastest host, the stragglers), routers grey, cross-traffic endpoints blue.
 */
class NetworkAnimation
{
  public:
    /** Nodes beyond which the trace is refused: NetAnim's view is unreadable past it. */
    static constexpr uint32_t MAX_NODES = 256;

    /**
     * \param file the XML file to write
     * \param stop simulated time at which the trace stops (it holds a line per packet)
     * \param topology the network
     * \param installed what TopologyHelper built from it
     * \param apps the learning applications, host i = application i
     */
    NetworkAnimation(const std::string& file,
                     Time stop,
                     const NetworkTopology& topology,
                     const InstalledTopology& installed,
                     const ApplicationContainer& apps);
    ~NetworkAnimation();

    /**
     * \return an empty string if this build has ns-3's netanim module, else why not and what
     * to do (an ns-3 tree may build this module without it)
     */
    static std::string Unavailable();

  private:
    std::unique_ptr<AnimationInterface> m_animation;
    Time m_stop;                    //!< when the trace stops
    uint32_t m_received{0};         //!< the counter's id
    std::vector<uint32_t> m_counts; //!< messages received, by ns-3 node id
};

} // namespace ns3

#endif /* DIVSHARE_NETWORK_ANIMATION_H */
