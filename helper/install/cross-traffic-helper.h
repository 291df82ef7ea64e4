/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_CROSS_TRAFFIC_HELPER_H
#define DIVSHARE_CROSS_TRAFFIC_HELPER_H

#include "topology-helper.h"

#include "ns3/application-container.h"
#include "ns3/cross-traffic-flow.h"
#include "ns3/network-topology.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Installs cross-traffic sources and sinks on an installed topology.
 *
 * Flow i uses port FirstPort + i; the sink starts at time 0 so that no flow meets a closed
 * port.
 */
class CrossTrafficHelper
{
  public:
    /** First port used by cross traffic; far from the model transport's. */
    static constexpr uint16_t FirstPort = 50000;

    /**
     * \param flows the flows
     * \param topology the network description (for names)
     * \param installed the installed network
     * \param end end of the run: stop time of flows that have none
     * \return the applications, sources and sinks
     * \throws std::invalid_argument for an unknown node name or a flow to itself
     */
    ApplicationContainer Install(const std::vector<CrossTrafficFlow>& flows,
                                 const NetworkTopology& topology,
                                 const InstalledTopology& installed,
                                 Time end) const;
};

} // namespace ns3

#endif /* DIVSHARE_CROSS_TRAFFIC_HELPER_H */
