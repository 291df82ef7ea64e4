/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_WIFI_TRACER_H
#define DIVSHARE_WIFI_TRACER_H

#include "ns3/network-topology.h"
#include "ns3/nstime.h"
#include "ns3/topology-helper.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Records what the radios of a network's Wi-Fi cells do and writes wifi.csv, whose
 * columns are an interface, only ever added to:
 *
 * `time_s,cell,node,role,tx_psdus,tx_bytes,mcs,phy_rate_bps,tx_s,rx_s,busy_s` — per Wi-Fi
 * device (role ap or station) and sampling interval ending at time_s: the PSDUs its PHY
 * began to send at an HT/VHT/HE MCS (data, and block acks sent at an MCS; beacons and other
 * frames at legacy rates are not counted) and their bytes, the MCS and PHY rate of those PSDUs
 * (byte-weighted mean rate, the MCS of the last; empty when it sent none), and the seconds its PHY
 * spent sending, receiving and sensing the channel busy (CCA) in periods that ended in the
 * interval. An AP's tx_s + rx_s + busy_s is its cell's channel occupancy.
 */
class WifiTracer
{
  public:
    /** One row of wifi.csv. */
    struct Sample
    {
        double time;        //!< end of the interval, simulated seconds
        uint32_t device;    //!< index into the tracer's devices
        uint64_t psdus;     //!< PSDUs sent at an MCS
        uint64_t bytes;     //!< their bytes
        int mcs;            //!< MCS of the last (-1: none)
        double rateBps;     //!< byte-weighted mean PHY rate (0: none)
        double txSeconds;   //!< PHY sending
        double rxSeconds;   //!< PHY receiving
        double busySeconds; //!< PHY sensing the channel busy
    };

    /** A traced Wi-Fi device. */
    struct Device
    {
        std::string cell; //!< its AP's name
        std::string node; //!< its node's name
        bool ap;          //!< whether it is the AP
    };

    /**
     * \param topology the network (names)
     * \param installed what TopologyHelper built (its stations and APs)
     * \param interval sampling interval
     */
    WifiTracer(const NetworkTopology& topology, const InstalledTopology& installed, Time interval);

    /** \brief Sample every interval until \p stop. */
    void Start(Time stop);

    /** \return the traced devices */
    const std::vector<Device>& GetDevices() const;
    /** \return the samples so far */
    const std::vector<Sample>& GetSamples() const;

    /**
     * \brief Write wifi.csv into \p directory.
     * \param directory an existing folder
     */
    void Write(const std::string& directory) const;

  private:
    /** What one device did since the last sample. */
    struct Counters
    {
        uint64_t psdus{0};
        uint64_t bytes{0};
        int mcs{-1};
        double bitSeconds{0}; //!< sum of bytes * 8 / rate, for the byte-weighted mean rate
        double tx{0};
        double rx{0};
        double busy{0};
    };

    void TakeSample();
    std::vector<Device> m_devices;
    std::vector<Counters> m_counters;
    std::vector<Sample> m_samples;
    Time m_interval;
    Time m_stop;
};

} // namespace ns3

#endif /* DIVSHARE_WIFI_TRACER_H */
