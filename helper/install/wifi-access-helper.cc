/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "wifi-access-helper.h"

#include "ns3/log.h"
#ifndef DIVSHARE_NO_WIFI
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/mobility-helper.h"
#include "ns3/mobility-model.h"
#include "ns3/pointer.h"
#include "ns3/position-allocator.h"
#include "ns3/rectangle.h"
#include "ns3/ssid.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-helper.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy-operating-channel.h"
#include "ns3/wifi-remote-station-manager.h"
#include "ns3/yans-wifi-helper.h"
#endif

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DivShareWifiAccessHelper");

#ifndef DIVSHARE_NO_WIFI
namespace
{

/** Past-the-end of ns-3's channel table: its name changed in ns-3.42. */
template <typename T>
auto
ChannelsEnd(int) -> decltype(T::GetFrequencyChannels().end())
{
    return T::GetFrequencyChannels().end();
}

template <typename T>
auto
ChannelsEnd(long) -> decltype(T::m_frequencyChannels.end())
{
    return T::m_frequencyChannels.end();
}

WifiStandard
StandardOf(const WifiCellSpec& cell)
{
    return cell.standard == "ax"   ? WIFI_STANDARD_80211ax
           : cell.standard == "ac" ? WIFI_STANDARD_80211ac
                                   : WIFI_STANDARD_80211n;
}

WifiPhyBand
BandOf(const WifiCellSpec& cell)
{
    return cell.band == "2.4GHz" ? WIFI_PHY_BAND_2_4GHZ
           : cell.band == "5GHz" ? WIFI_PHY_BAND_5GHZ
                                 : WIFI_PHY_BAND_6GHZ;
}

/** The operating channel of \p cell, the \p index-th cell (channel 0: the band's channels of
 * its width in turn). \throws std::invalid_argument where the standard has no such channel */
WifiPhyOperatingChannel
ChannelOf(const WifiCellSpec& cell, std::size_t index)
{
    const std::string where = cell.origin.empty() ? "Wi-Fi cell" : cell.origin;
    auto fail = [&](const std::string& problem) {
        throw std::invalid_argument(where + ": " + problem);
    };
    // What the standards allow, which ns-3 checks only by aborting.
    if (cell.standard == "ac" && cell.band != "5GHz")
    {
        fail("802.11ac runs in the 5GHz band only, not " + cell.band + ": set band=5GHz");
    }
    if (cell.standard == "n" && cell.band == "6GHz")
    {
        fail("802.11n has no 6GHz channels: use band=2.4GHz or band=5GHz, or standard=ax");
    }
    if (cell.standard == "n" && cell.width > 40)
    {
        fail("802.11n channels are 20 or 40 MHz wide, not " + std::to_string(cell.width));
    }
    if (cell.band == "2.4GHz" && cell.width > 40)
    {
        fail("the 2.4GHz band has channels of 20 and 40 MHz, not " + std::to_string(cell.width));
    }
    const auto end = ChannelsEnd<WifiPhyOperatingChannel>(0);
    const auto standard = StandardOf(cell);
    const auto band = BandOf(cell);
    if (cell.channel != 0)
    {
        const auto it =
            WifiPhyOperatingChannel::FindFirst(cell.channel, 0, cell.width, standard, band);
        if (it == end)
        {
            fail("802.11" + cell.standard + " has no channel " + std::to_string(cell.channel) +
                 " of " + std::to_string(cell.width) + " MHz in the " + cell.band +
                 " band (e.g. channel=36 width=20, channel=42 width=80 at 5GHz; or leave "
                 "channel out: each cell gets its own)");
        }
        return WifiPhyOperatingChannel(it);
    }
    std::vector<WifiPhyOperatingChannel::ConstIterator> channels;
    for (auto it = WifiPhyOperatingChannel::FindFirst(0, 0, cell.width, standard, band); it != end;
         it = WifiPhyOperatingChannel::FindFirst(0, 0, cell.width, standard, band, std::next(it)))
    {
        channels.push_back(it);
    }
    if (channels.empty())
    {
        fail("802.11" + cell.standard + " has no channel of " + std::to_string(cell.width) +
             " MHz in the " + cell.band + " band: choose another width");
    }
    return WifiPhyOperatingChannel(channels[index % channels.size()]);
}

/** The ChannelSettings Attribute's text for \p channel. */
std::string
ChannelSettings(const WifiPhyOperatingChannel& channel, const WifiCellSpec& cell)
{
    const std::string band = cell.band == "2.4GHz" ? "BAND_2_4GHZ"
                             : cell.band == "5GHz" ? "BAND_5GHZ"
                                                   : "BAND_6GHZ";
    return "{" + std::to_string(channel.GetNumber()) + ", " + std::to_string(cell.width) + ", " +
           band + ", 0}";
}

/** Free-space loss (dB) at the log-distance model's reference distance of 1 m. */
double
ReferenceLoss(double frequencyMhz)
{
    return 20 * std::log10(4 * M_PI * frequencyMhz * 1e6 / 299792458.0);
}

/** An Attribute's default, as a double: what WifiHelper builds with. */
double
DefaultOf(const std::string& type, const std::string& name)
{
    TypeId::AttributeInformation info;
    TypeId::LookupByName(type).LookupAttributeByName(name, &info);
    return DynamicCast<const DoubleValue>(info.initialValue)->Get();
}

/** The distance of \p offset from the origin, in the plane. */
double
Distance(const Vector& offset)
{
    return std::hypot(offset.x, offset.y);
}

} // namespace

double
WifiAccessHelper::Range(const WifiCellSpec& cell, std::size_t index)
{
    // WifiHelper's preamble detection drops every frame received below MinimumRssi or below
    // Threshold (dB) over the noise floor: beyond that distance nothing is heard.
    const auto channel = ChannelOf(cell, index);
    const std::string phy = "ns3::YansWifiPhy";
    const std::string detection = "ns3::ThresholdPreambleDetectionModel";
    const double noise =
        -174 + 10 * std::log10(channel.GetWidth() * 1e6) + DefaultOf(phy, "RxNoiseFigure");
    const double weakest =
        std::max(DefaultOf(detection, "MinimumRssi"), noise + DefaultOf(detection, "Threshold"));
    const double budget =
        DefaultOf(phy, "TxPowerStart") - weakest - ReferenceLoss(channel.GetFrequency());
    return std::pow(10.0, budget / (10 * cell.exponent));
}

void
WifiAccessHelper::Check(const NetworkTopology& topology)
{
    for (std::size_t k = 0; k < topology.cells.size(); ++k)
    {
        ChannelOf(topology.cells[k], k);
    }
    for (const auto& host : topology.hosts)
    {
        if (!host.wifi)
        {
            continue;
        }
        const auto& cell = topology.cells[host.wifi->cell];
        const double distance = Distance(host.wifi->offset);
        const double range = Range(cell, host.wifi->cell);
        const std::string ap = topology.routers[cell.router];
        std::ostringstream problem;
        problem << host.wifi->origin << ": station " << host.name;
        if (distance > range)
        {
            problem << " starts " << distance << " m from its AP " << ap << ", out of its range ("
                    << range << " m with exponent " << cell.exponent
                    << "): it would never associate; place it closer";
            throw std::invalid_argument(problem.str());
        }
        const double bounds = host.wifi->bounds;
        if (host.wifi->speed > 0 &&
            (std::abs(host.wifi->offset.x) > bounds || std::abs(host.wifi->offset.y) > bounds))
        {
            problem << " starts outside its walk's bounds (" << bounds << " m around " << ap
                    << " on each axis): raise bounds or place it inside";
            throw std::invalid_argument(problem.str());
        }
    }
}

std::map<uint32_t, InstalledStation>
WifiAccessHelper::Install(const NetworkTopology& topology,
                          const NodeContainer& routers,
                          const NodeContainer& hosts,
                          uint32_t mtu)
{
    Check(topology);
    std::map<uint32_t, InstalledStation> stations;
    Ipv4AddressHelper addresses("172.16.0.0", "255.255.255.0");
    Ipv4StaticRoutingHelper staticRouting;
    for (std::size_t k = 0; k < topology.cells.size(); ++k)
    {
        const auto& cell = topology.cells[k];
        const auto channel = ChannelOf(cell, k);
        YansWifiChannelHelper radio;
        radio.SetPropagationDelay("ns3::ConstantSpeedPropagationDelayModel");
        radio.AddPropagationLoss("ns3::LogDistancePropagationLossModel",
                                 "Exponent",
                                 DoubleValue(cell.exponent),
                                 "ReferenceLoss",
                                 DoubleValue(ReferenceLoss(channel.GetFrequency())));
        YansWifiPhyHelper phy;
        phy.SetChannel(radio.Create());
        phy.Set("ChannelSettings", StringValue(ChannelSettings(channel, cell)));
        WifiHelper wifi;
        wifi.SetStandard(StandardOf(cell));
        if (cell.manager == "ideal")
        {
            wifi.SetRemoteStationManager("ns3::IdealWifiManager");
        }
        else if (cell.manager == "minstrel-ht")
        {
            wifi.SetRemoteStationManager("ns3::MinstrelHtWifiManager");
        }
        else
        {
            wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager",
                                         "DataMode",
                                         StringValue(cell.mode));
        }
        NodeContainer members;
        std::vector<uint32_t> indices;
        for (uint32_t i = 0; i < topology.hosts.size(); ++i)
        {
            if (topology.hosts[i].wifi && topology.hosts[i].wifi->cell == k)
            {
                members.Add(hosts.Get(i));
                indices.push_back(i);
            }
        }
        const Ssid ssid(topology.routers[cell.router]);
        WifiMacHelper mac;
        mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
        NetDeviceContainer ap = wifi.Install(phy, mac, routers.Get(cell.router));
        mac.SetType("ns3::StaWifiMac",
                    "Ssid",
                    SsidValue(ssid),
                    "ActiveProbing",
                    BooleanValue(true));
        NetDeviceContainer devices = wifi.Install(phy, mac, members);

        MobilityHelper still;
        still.SetMobilityModel("ns3::ConstantPositionMobilityModel");
        still.Install(routers.Get(cell.router));
        routers.Get(cell.router)->GetObject<MobilityModel>()->SetPosition(cell.position);
        for (std::size_t s = 0; s < indices.size(); ++s)
        {
            const auto& access = *topology.hosts[indices[s]].wifi;
            const Vector at(cell.position.x + access.offset.x,
                            cell.position.y + access.offset.y,
                            0);
            MobilityHelper mobility;
            const double b = access.bounds;
            auto constant = [](double value) {
                return "ns3::ConstantRandomVariable[Constant=" + std::to_string(value) + "]";
            };
            if (access.speed > 0 && access.waypoints)
            {
                // Waypoints drawn uniformly within the bounds.
                auto uniform = [](double center, double half) {
                    return "ns3::UniformRandomVariable[Min=" + std::to_string(center - half) +
                           "|Max=" + std::to_string(center + half) + "]";
                };
                auto waypoints = CreateObject<RandomRectanglePositionAllocator>();
                waypoints->SetAttribute("X", StringValue(uniform(cell.position.x, b)));
                waypoints->SetAttribute("Y", StringValue(uniform(cell.position.y, b)));
                mobility.SetMobilityModel("ns3::RandomWaypointMobilityModel",
                                          "Speed",
                                          StringValue(constant(access.speed)),
                                          "Pause",
                                          StringValue(constant(access.pause)),
                                          "PositionAllocator",
                                          PointerValue(waypoints));
            }
            else if (access.speed > 0)
            {
                mobility.SetMobilityModel("ns3::RandomWalk2dMobilityModel",
                                          "Bounds",
                                          RectangleValue(Rectangle(cell.position.x - b,
                                                                   cell.position.x + b,
                                                                   cell.position.y - b,
                                                                   cell.position.y + b)),
                                          "Mode",
                                          StringValue("Time"),
                                          "Time",
                                          StringValue("1s"),
                                          "Speed",
                                          StringValue(constant(access.speed)));
            }
            else
            {
                mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
            }
            mobility.Install(members.Get(s));
            members.Get(s)->GetObject<MobilityModel>()->SetPosition(at);
        }

        for (auto* container : {&ap, &devices})
        {
            for (uint32_t d = 0; d < container->GetN(); ++d)
            {
                container->Get(d)->SetMtu(mtu);
                if (cell.rtsThreshold)
                {
                    DynamicCast<WifiNetDevice>(container->Get(d))
                        ->GetRemoteStationManager()
                        ->SetRtsCtsThreshold(*cell.rtsThreshold);
                }
            }
        }
        const auto apAddress = addresses.Assign(ap).GetAddress(0);
        const auto stationAddresses = addresses.Assign(devices);
        addresses.NewNetwork();
        for (std::size_t s = 0; s < indices.size(); ++s)
        {
            auto ipv4 = members.Get(s)->GetObject<Ipv4>();
            staticRouting.GetStaticRouting(ipv4)->SetDefaultRoute(
                apAddress,
                ipv4->GetInterfaceForDevice(devices.Get(s)));
            stations[indices[s]] = {devices.Get(s),
                                    ap.Get(0),
                                    stationAddresses.GetAddress(s),
                                    apAddress};
        }
        NS_LOG_INFO("cell " << ssid << ": " << indices.size() << " stations, channel "
                            << ChannelSettings(channel, cell));
    }
    return stations;
}

void
WifiAccessHelper::EnablePcap(const std::string& prefix, Ptr<NetDevice> device)
{
    YansWifiPhyHelper phy;
    phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
    phy.EnablePcap(prefix, device);
}

std::string
WifiAccessHelper::Unavailable()
{
    return "";
}

#else

void
WifiAccessHelper::Check(const NetworkTopology& topology)
{
    if (!topology.cells.empty())
    {
        throw std::invalid_argument(topology.cells.front().origin + ": " + Unavailable());
    }
}

std::map<uint32_t, InstalledStation>
WifiAccessHelper::Install(const NetworkTopology& topology,
                          const NodeContainer&,
                          const NodeContainer&,
                          uint32_t)
{
    Check(topology);
    return {};
}

void
WifiAccessHelper::EnablePcap(const std::string&, Ptr<NetDevice>)
{
}

double
WifiAccessHelper::Range(const WifiCellSpec&, std::size_t)
{
    return 0;
}

std::string
WifiAccessHelper::Unavailable()
{
    return "this build of ns-3 has no wifi module: Wi-Fi cells need one (configure the ns-3 "
           "tree with wifi enabled, or use the standalone build against Debian's ns-3)";
}

#endif

} // namespace ns3
