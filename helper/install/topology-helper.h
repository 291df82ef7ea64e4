/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_TOPOLOGY_HELPER_H
#define DIVSHARE_TOPOLOGY_HELPER_H

#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/network-options.h"
#include "ns3/network-topology.h"
#include "ns3/node-container.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/topology-partition.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief One installed link: end A (a host, or router link end a) and end B (the router):
 * a point-to-point link, or a Wi-Fi station's association with its AP.
 */
struct InstalledLink
{
    std::string nameA;                  //!< name of the node at end A
    std::string nameB;                  //!< name of the node at end B
    bool routerA{false};                //!< end A is a router
    Ptr<PointToPointNetDevice> deviceA; //!< sends A -> B (null for a Wi-Fi station)
    Ptr<PointToPointNetDevice> deviceB; //!< sends B -> A (null for a Wi-Fi station)
    Ptr<NetDevice> station;             //!< a Wi-Fi station's device (null for a wire)
    Ptr<NetDevice> accessPoint;         //!< its AP's device (null for a wire)

    /** \return the host's device: end A's, wired or not */
    Ptr<NetDevice> HostDevice() const;
    /** \return the device of the router or AP the host's default route goes through */
    Ptr<NetDevice> GatewayDevice() const;
};

/**
 * \ingroup divshare
 * \brief What TopologyHelper built.
 */
struct InstalledTopology
{
    NodeContainer hosts;                        //!< learning nodes, host i = node index i
    NodeContainer routers;                      //!< routers/switches
    std::vector<Ipv4Address> addresses;         //!< address of each host
    NetDeviceContainer hostDevices;             //!< host side of each access link or station
    NetDeviceContainer routerHostDevices;       //!< router (or AP) side of each
    NetDeviceContainer routerLinkDevices;       //!< both ends of every router link, in pairs
    NodeContainer endpoints;                    //!< cross-traffic endpoints
    std::vector<Ipv4Address> endpointAddresses; //!< address of each endpoint
    /** Every link: hosts' access links (Wi-Fi stations' too), then endpoints' access links,
     * then router links. */
    std::vector<InstalledLink> links;
};

/**
 * \ingroup divshare
 * \brief Builds a NetworkTopology out of ns-3 nodes, point-to-point links, the Internet
 * stack, one /30 subnet per link, and global routing; Wi-Fi cells with WifiAccessHelper.
 *
 * Each link direction gets its own rate (the device's DataRate), so asymmetric access links
 * are honoured. Every node uses the strong end-system model (Ipv4::StrongEndSystemModel, or
 * WeakEsModel = false before ns-3.41): same results, and routers
 * with many interfaces forward much faster. NetworkOptions choose the routers' queue
 * discipline and size, the MTU and the links' packet error rate.
 */
class TopologyHelper
{
  public:
    /**
     * \brief Drop packets received by \p device at rate \p loss (a packet error model).
     * \param device the receiving end
     * \param loss packet error rate in [0, 1]
     */
    static void SetLoss(Ptr<PointToPointNetDevice> device, double loss);

    /**
     * \brief Give one direction of a link its own delay and jitter (a JitterChannel's).
     * \param sender the device that sends in that direction
     * \param delay one-way delay
     * \param jitter standard deviation of the per-packet extra delay
     */
    static void SetShape(Ptr<PointToPointNetDevice> sender, Time delay, Time jitter);

    /**
     * \brief Join two nodes of one rank as PointToPointHelper::Install does, on a
     * JitterChannel: without jitter or per-direction delays, ns-3's own results.
     * \param a one end
     * \param b the other
     * \param delay one-way delay of both directions
     * \param mtu the devices' MTU
     * \return the two devices, a's first
     */
    static NetDeviceContainer InstallLink(Ptr<Node> a, Ptr<Node> b, Time delay, uint32_t mtu);

    /**
     * \brief Put every node on its rank of a distributed run: a link between two ranks
     * becomes ns-3's PointToPointRemoteChannel (without it, every node is on rank 0).
     * \param partition the rank of every node of the topology Install() will build
     */
    void SetPartition(const TopologyPartition& partition);

    /**
     * \param topology the network to build; validated first
     * \param options network knobs (queue disciplines, MTU, error rate)
     * \return the nodes, devices and host addresses
     */
    InstalledTopology Install(const NetworkTopology& topology,
                              const NetworkOptions& options = NetworkOptions()) const;

  private:
    TopologyPartition m_partition; //!< empty: everything on rank 0
};

} // namespace ns3

#endif /* DIVSHARE_TOPOLOGY_HELPER_H */
