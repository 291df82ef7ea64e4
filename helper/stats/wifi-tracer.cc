/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "wifi-tracer.h"

#include "results-writer.h"

#include "ns3/simulator.h"
#ifndef DIVSHARE_NO_WIFI
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy-state-helper.h"
#include "ns3/wifi-phy.h"
#include "ns3/wifi-psdu.h"
#endif

#include <stdexcept>

namespace ns3
{

#ifndef DIVSHARE_NO_WIFI
namespace
{

/** Count a PSDU map the PHY begins to send (PhyTxPsduBegin). */
template <typename Counters>
void
CountPsdus(Counters* counters, WifiConstPsduMap psdus, WifiTxVector txVector, double)
{
    const auto mode = txVector.GetMode();
    if (mode.GetModulationClass() < WIFI_MOD_CLASS_HT)
    {
        return; // management and control frames, at legacy rates
    }
    const double rate = static_cast<double>(mode.GetDataRate(txVector));
    for (const auto& [staId, psdu] : psdus)
    {
        counters->psdus += 1;
        counters->bytes += psdu->GetSize();
        counters->bitSeconds += psdu->GetSize() * 8.0 / rate;
    }
    counters->mcs = mode.GetMcsValue();
}

/** Add a PHY state period that ended (WifiPhyStateHelper's State trace). */
template <typename Counters>
void
CountState(Counters* counters, Time, Time duration, WifiPhyState state)
{
    const double seconds = duration.GetSeconds();
    switch (state)
    {
    case WifiPhyState::TX:
        counters->tx += seconds;
        break;
    case WifiPhyState::RX:
        counters->rx += seconds;
        break;
    case WifiPhyState::CCA_BUSY:
        counters->busy += seconds;
        break;
    default:
        break;
    }
}

} // namespace
#endif

WifiTracer::WifiTracer(const NetworkTopology& topology,
                       const InstalledTopology& installed,
                       Time interval)
    : m_interval(interval)
{
    if (!interval.IsStrictlyPositive())
    {
        throw std::invalid_argument("Wi-Fi tracer: the sampling interval must be positive");
    }
    std::vector<std::pair<Device, Ptr<NetDevice>>> devices;
    for (const auto& cell : topology.cells)
    {
        const std::string ap = topology.routers[cell.router];
        for (uint32_t i = 0; i < topology.hosts.size(); ++i)
        {
            const auto& link = installed.links[i];
            if (link.station && link.nameB == ap)
            {
                if (devices.empty() || devices.back().first.cell != ap)
                {
                    devices.push_back({{ap, ap, true}, link.accessPoint});
                }
                devices.push_back({{ap, link.nameA, false}, link.station});
            }
        }
    }
    m_counters.resize(devices.size());
#ifndef DIVSHARE_NO_WIFI
    for (std::size_t d = 0; d < devices.size(); ++d)
    {
        m_devices.push_back(devices[d].first);
        auto phy = DynamicCast<WifiNetDevice>(devices[d].second)->GetPhy();
        auto* counters = &m_counters[d];
        if (!phy->TraceConnectWithoutContext("PhyTxPsduBegin",
                                             MakeBoundCallback(&CountPsdus<Counters>, counters)) ||
            !phy->GetState()->TraceConnectWithoutContext(
                "State",
                MakeBoundCallback(&CountState<Counters>, counters)))
        {
            throw std::logic_error("Wi-Fi tracer: this ns-3 has other Wi-Fi PHY traces");
        }
    }
#endif
}

void
WifiTracer::Start(Time stop)
{
    m_stop = stop;
    Simulator::Schedule(m_interval, &WifiTracer::TakeSample, this);
}

void
WifiTracer::TakeSample()
{
    const double now = Simulator::Now().GetSeconds();
    for (uint32_t d = 0; d < m_counters.size(); ++d)
    {
        auto& c = m_counters[d];
        const double rate = c.bitSeconds > 0 ? c.bytes * 8.0 / c.bitSeconds : 0;
        m_samples.push_back({now, d, c.psdus, c.bytes, c.mcs, rate, c.tx, c.rx, c.busy});
        c = Counters();
    }
    if (Simulator::Now() + m_interval <= m_stop)
    {
        Simulator::Schedule(m_interval, &WifiTracer::TakeSample, this);
    }
}

const std::vector<WifiTracer::Device>&
WifiTracer::GetDevices() const
{
    return m_devices;
}

const std::vector<WifiTracer::Sample>&
WifiTracer::GetSamples() const
{
    return m_samples;
}

void
WifiTracer::Write(const std::string& directory) const
{
    auto out = ResultsWriter::Open(directory + "/wifi.csv");
    out << "time_s,cell,node,role,tx_psdus,tx_bytes,mcs,phy_rate_bps,tx_s,rx_s,busy_s\n";
    for (const auto& s : m_samples)
    {
        const auto& device = m_devices[s.device];
        out << s.time << "," << device.cell << "," << device.node << ","
            << (device.ap ? "ap" : "station") << "," << s.psdus << "," << s.bytes << ",";
        if (s.mcs >= 0)
        {
            out << s.mcs << "," << static_cast<uint64_t>(s.rateBps + 0.5);
        }
        else
        {
            out << ",";
        }
        out << "," << s.txSeconds << "," << s.rxSeconds << "," << s.busySeconds << "\n";
    }
    out.Commit();
}

} // namespace ns3
