/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "congestion-tracer.h"

#include "results-writer.h"

#include "ns3/decentralized-learning-application.h"
#include "ns3/ipv4-flow-classifier.h"
#include "ns3/log.h"
#include "ns3/queue.h"
#include "ns3/simulator.h"
#include "ns3/traffic-control-layer.h"
#include "ns3/uinteger.h"

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DivShareCongestionTracer");

namespace
{

ResultFile
OpenCsv(const std::string& directory, const std::string& name, const std::string& header)
{
    auto out = ResultsWriter::Open(directory + "/" + name);
    out << header << "\n";
    return out;
}

/** PointToPointNetDevice has no rate getter in ns-3 3.37; its attribute has. */
DataRate
RateOf(Ptr<PointToPointNetDevice> device)
{
    DataRateValue rate;
    device->GetAttribute("DataRate", rate);
    return rate.Get();
}

} // namespace

CongestionTracer::CongestionTracer(const NetworkTopology& topology,
                                   const InstalledTopology& installed,
                                   Time interval)
    : m_interval(interval)
{
    if (!interval.IsStrictlyPositive())
    {
        throw std::invalid_argument("congestion tracer: the sampling interval must be positive");
    }
    for (uint32_t i = 0; i < topology.hosts.size(); ++i)
    {
        m_names.emplace_back(installed.addresses[i], topology.hosts[i].name);
    }
    for (uint32_t i = 0; i < topology.endpoints.size(); ++i)
    {
        m_names.emplace_back(installed.endpointAddresses[i], topology.endpoints[i].name);
    }
    for (const auto& link : installed.links)
    {
        if (link.station)
        {
            continue; // a radio link: no device queue or rate of its own
        }
        const std::string name = link.nameA + "-" + link.nameB;
        m_directions.push_back({name, link.nameA, link.nameB, link.deviceA, RateOf(link.deviceA)});
        m_directions.push_back({name, link.nameB, link.nameA, link.deviceB, RateOf(link.deviceB)});
        // End B is always a router; end A only on router links.
        std::vector<std::pair<Ptr<PointToPointNetDevice>, const Direction*>> egress{
            {link.deviceB, &m_directions.back()}};
        if (link.routerA)
        {
            egress.emplace_back(link.deviceA, &m_directions[m_directions.size() - 2]);
        }
        for (const auto& [device, direction] : egress)
        {
            auto tc = device->GetNode()->GetObject<TrafficControlLayer>();
            m_queues.push_back({direction->from,
                                direction->to,
                                tc ? tc->GetRootQueueDiscOnDevice(device) : nullptr,
                                device});
        }
    }
}

void
CongestionTracer::WatchApplications(const ApplicationContainer& apps)
{
    m_apps = apps;
    if (apps.GetN() > 0)
    {
        UintegerValue port;
        DynamicCast<DecentralizedLearningApplication>(apps.Get(0))
            ->GetTransport()
            ->GetAttribute("Port", port);
        m_transportPort = static_cast<uint16_t>(port.Get());
    }
}

void
CongestionTracer::Start(Time stop)
{
    m_stop = stop;
    for (uint32_t i = 0; i < m_directions.size(); ++i)
    {
        m_directions[i].device->TraceConnectWithoutContext(
            "PhyTxBegin",
            MakeBoundCallback(&CongestionTracer::CountTx, this, i));
    }
    for (uint32_t i = 0; i < m_apps.GetN(); ++i)
    {
        m_apps.Get(i)->TraceConnectWithoutContext(
            "FragmentReceived",
            MakeBoundCallback(&CongestionTracer::RecordArrival, this, i));
    }
    m_flowMonitor = m_flowHelper.InstallAll();
    Simulator::Schedule(m_interval, &CongestionTracer::Sample, this);
}

void
CongestionTracer::CountTx(CongestionTracer* self, uint32_t direction, Ptr<const Packet> packet)
{
    self->m_directions[direction].bytes += packet->GetSize();
}

void
CongestionTracer::RecordArrival(CongestionTracer* self,
                                uint32_t receiver,
                                uint32_t sender,
                                uint32_t fragment,
                                uint32_t bytes,
                                Time latency)
{
    self->m_arrivals.push_back(
        {Simulator::Now().GetSeconds(), receiver, sender, fragment, bytes, latency.GetSeconds()});
}

void
CongestionTracer::Sample()
{
    const double now = Simulator::Now().GetSeconds();
    for (uint32_t i = 0; i < m_directions.size(); ++i)
    {
        auto& direction = m_directions[i];
        m_linkSamples.push_back({now, i, direction.bytes - direction.sampled});
        direction.sampled = direction.bytes;
    }
    for (uint32_t i = 0; i < m_queues.size(); ++i)
    {
        const auto& queue = m_queues[i];
        const auto deviceQueue = queue.device->GetQueue();
        QueueSample sample{now,
                           i,
                           deviceQueue->GetNPackets(),
                           deviceQueue->GetNBytes(),
                           deviceQueue->GetTotalDroppedPackets()};
        if (queue.disc)
        {
            sample.packets += queue.disc->GetNPackets();
            sample.bytes += queue.disc->GetNBytes();
            sample.droppedPackets += queue.disc->GetStats().nTotalDroppedPackets;
        }
        m_queueSamples.push_back(sample);
    }
    if (Simulator::Now() + m_interval <= m_stop)
    {
        Simulator::Schedule(m_interval, &CongestionTracer::Sample, this);
    }
}

uint32_t
CongestionTracer::GetLimitPackets(uint32_t queue) const
{
    const auto& q = m_queues.at(queue);
    const auto device = q.device->GetQueue()->GetMaxSize();
    if (device.GetUnit() != QueueSizeUnit::PACKETS)
    {
        return 0;
    }
    if (!q.disc)
    {
        return device.GetValue();
    }
    const auto disc = q.disc->GetMaxSize();
    return disc.GetUnit() == QueueSizeUnit::PACKETS ? disc.GetValue() + device.GetValue() : 0;
}

std::string
CongestionTracer::NameOf(Ipv4Address address) const
{
    for (const auto& [a, name] : m_names)
    {
        if (a == address)
        {
            return name;
        }
    }
    std::ostringstream text;
    text << address;
    return text.str();
}

void
CongestionTracer::Finish()
{
    m_flows.clear();
    if (!m_flowMonitor)
    {
        return;
    }
    m_flowMonitor->CheckForLostPackets();
    auto classifier = DynamicCast<Ipv4FlowClassifier>(m_flowHelper.GetClassifier());
    for (const auto& [id, stats] : m_flowMonitor->GetFlowStats())
    {
        const auto tuple = classifier->FindFlow(id);
        Flow flow;
        flow.id = id;
        flow.kind = tuple.sourcePort == m_transportPort || tuple.destinationPort == m_transportPort
                        ? "divshare"
                        : "cross";
        flow.protocol = tuple.protocol == 6 ? "tcp" : tuple.protocol == 17 ? "udp" : "other";
        flow.src = NameOf(tuple.sourceAddress);
        flow.dst = NameOf(tuple.destinationAddress);
        flow.srcAddress = tuple.sourceAddress;
        flow.srcPort = tuple.sourcePort;
        flow.dstAddress = tuple.destinationAddress;
        flow.dstPort = tuple.destinationPort;
        flow.txPackets = stats.txPackets;
        flow.txBytes = stats.txBytes;
        flow.rxPackets = stats.rxPackets;
        flow.rxBytes = stats.rxBytes;
        flow.lostPackets = stats.lostPackets;
        flow.droppedPackets = 0;
        for (auto n : stats.packetsDropped)
        {
            flow.droppedPackets += n;
        }
        const double span = (stats.timeLastRxPacket - stats.timeFirstTxPacket).GetSeconds();
        flow.throughputBps = stats.rxPackets > 0 && span > 0 ? stats.rxBytes * 8.0 / span : 0.0;
        flow.meanDelay = stats.rxPackets > 0 ? stats.delaySum.GetSeconds() / stats.rxPackets : 0.0;
        flow.meanJitter =
            stats.rxPackets > 1 ? stats.jitterSum.GetSeconds() / (stats.rxPackets - 1) : 0.0;
        flow.firstTx = stats.timeFirstTxPacket.GetSeconds();
        flow.lastRx = stats.rxPackets > 0 ? stats.timeLastRxPacket.GetSeconds() : 0.0;
        m_flows.push_back(flow);
    }
}

void
CongestionTracer::Write(const std::string& directory) const
{
    std::filesystem::create_directories(directory);
    {
        auto out = OpenCsv(directory,
                           "link-utilization.csv",
                           "time_s,link,from,to,rate_bps,bytes,utilization");
        for (const auto& s : m_linkSamples)
        {
            const auto& d = m_directions[s.direction];
            const double rate = d.rate.GetBitRate();
            out << s.time << "," << d.link << "," << d.from << "," << d.to << ","
                << d.rate.GetBitRate() << "," << s.bytes << ","
                << s.bytes * 8.0 / (rate * m_interval.GetSeconds()) << "\n";
        }
        out.Commit();
    }
    {
        auto out = OpenCsv(directory,
                           "queues.csv",
                           "time_s,node,toward,packets,bytes,limit_packets,dropped_packets");
        for (const auto& s : m_queueSamples)
        {
            const auto& q = m_queues[s.queue];
            const uint32_t limit = GetLimitPackets(s.queue);
            out << s.time << "," << q.node << "," << q.toward << "," << s.packets << "," << s.bytes
                << "," << (limit > 0 ? std::to_string(limit) : "") << "," << s.droppedPackets
                << "\n";
        }
        out.Commit();
    }
    {
        auto out = OpenCsv(directory,
                           "flows.csv",
                           "flow_id,kind,protocol,src,dst,src_address,src_port,dst_address,"
                           "dst_port,tx_packets,tx_bytes,rx_packets,rx_bytes,lost_packets,"
                           "dropped_packets,throughput_bps,mean_delay_s,mean_jitter_s,"
                           "first_tx_s,last_rx_s");
        for (const auto& f : m_flows)
        {
            out << f.id << "," << f.kind << "," << f.protocol << "," << f.src << "," << f.dst << ","
                << f.srcAddress << "," << f.srcPort << "," << f.dstAddress << "," << f.dstPort
                << "," << f.txPackets << "," << f.txBytes << "," << f.rxPackets << "," << f.rxBytes
                << "," << f.lostPackets << "," << f.droppedPackets << "," << f.throughputBps << ","
                << f.meanDelay << "," << f.meanJitter << "," << f.firstTx << "," << f.lastRx
                << "\n";
        }
        out.Commit();
    }
    {
        auto out = OpenCsv(directory,
                           "fragment-latency.csv",
                           "time_s,receiver,sender,fragment,bytes,latency_s");
        for (const auto& a : m_arrivals)
        {
            out << a.time << "," << a.receiver << "," << a.sender << "," << a.fragment << ","
                << a.bytes << "," << a.latency << "\n";
        }
        out.Commit();
    }
}

const std::vector<CongestionTracer::Queue>&
CongestionTracer::GetQueues() const
{
    return m_queues;
}

const std::vector<CongestionTracer::QueueSample>&
CongestionTracer::GetQueueSamples() const
{
    return m_queueSamples;
}

const std::vector<CongestionTracer::Arrival>&
CongestionTracer::GetArrivals() const
{
    return m_arrivals;
}

const std::vector<CongestionTracer::Flow>&
CongestionTracer::GetFlows() const
{
    return m_flows;
}

} // namespace ns3
