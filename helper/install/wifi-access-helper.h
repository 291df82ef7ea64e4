/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_WIFI_ACCESS_HELPER_H
#define DIVSHARE_WIFI_ACCESS_HELPER_H

#include "ns3/ipv4-address.h"
#include "ns3/net-device.h"
#include "ns3/network-topology.h"
#include "ns3/node-container.h"

#include <map>
#include <string>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief A learning node's Wi-Fi station, as WifiAccessHelper built it.
 */
struct InstalledStation
{
    Ptr<NetDevice> device;      //!< the station's WifiNetDevice
    Ptr<NetDevice> accessPoint; //!< its AP's WifiNetDevice
    Ipv4Address address;        //!< the station's address
    Ipv4Address gateway;        //!< the AP's address in the cell: the station's default route
};

/**
 * \ingroup divshare
 * \brief Builds a topology's Wi-Fi cells (NetworkTopology::cells) with ns-3's wifi module:
 * per cell, a YansWifiChannel of its own with a log-distance path loss (its reference loss
 * Friis' at 1 m for the channel's frequency, its exponent the cell's), the AP's ApWifiMac
 * device on the cell's router node, a StaWifiMac device on each station (active probing: a
 * station associates in milliseconds), the cell's rate control, positions (stations relative
 * to their AP) and random walks, and one /24 subnet of 172.16.0.0/12 per cell with the AP
 * first. A cell's own channel object keeps its cost with the BSS's size: BSSs do not
 * interfere, whatever their channel numbers.
 */
class WifiAccessHelper
{
  public:
    /**
     * \brief Check every cell's radio settings (standard, band, channel, width) against
     * ns-3's channel table and every station's start against its AP's range, before
     * anything is built.
     * \param topology the network
     * \throws std::invalid_argument naming the cell's file:line, the value and the fix
     */
    static void Check(const NetworkTopology& topology);

    /**
     * \brief Build the cells. Call once the nodes have the Internet stack, before routes are
     * computed; gives each station its default route through its AP.
     * \param topology the network (Check()ed)
     * \param routers its routers' nodes (the cells' APs among them)
     * \param hosts its learning nodes' nodes
     * \param mtu the IP MTU of the Wi-Fi devices, as of every link
     * \return the stations, by learning node
     */
    static std::map<uint32_t, InstalledStation> Install(const NetworkTopology& topology,
                                                        const NodeContainer& routers,
                                                        const NodeContainer& hosts,
                                                        uint32_t mtu);

    /**
     * \brief Capture what a station's radio sends and receives, with radiotap headers.
     * \param prefix the file name's prefix (ns-3 adds -NODE-DEVICE.pcap)
     * \param device a station's or AP's WifiNetDevice
     */
    static void EnablePcap(const std::string& prefix, Ptr<NetDevice> device);

    /**
     * \return how far from its AP (m) a station of \p cell still hears it: where the
     * received power falls below what ns-3's preamble detection accepts (its MinimumRssi,
     * -82 dBm, or its SNR threshold, whichever is higher)
     * \param cell a Check()ed cell
     * \param index its index in the topology's cells (which channel it gets by default)
     */
    static double Range(const WifiCellSpec& cell, std::size_t index);

    /** \return why Wi-Fi cells cannot be built, or "" where they can */
    static std::string Unavailable();
};

} // namespace ns3

#endif /* DIVSHARE_WIFI_ACCESS_HELPER_H */
