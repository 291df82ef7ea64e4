/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "packet-capture.h"

#include "results-writer.h"

#include "ns3/decentralized-learning-application.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/wifi-access-helper.h"

#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace ns3
{

std::vector<uint32_t>
PacketCapture::Select(const std::string& selection, const NetworkTopology& topology)
{
    std::vector<uint32_t> hosts;
    if (selection == "all")
    {
        for (uint32_t i = 0; i < topology.hosts.size(); ++i)
        {
            hosts.push_back(i);
        }
        return hosts;
    }
    std::istringstream items(selection);
    for (std::string item; std::getline(items, item, ',');)
    {
        hosts.push_back(topology.HostIndex(item));
    }
    std::sort(hosts.begin(), hosts.end());
    hosts.erase(std::unique(hosts.begin(), hosts.end()), hosts.end());
    return hosts;
}

PacketCapture::PacketCapture(const std::string& directory,
                             const std::vector<uint32_t>& hosts,
                             const NetworkTopology& topology,
                             const InstalledTopology& installed,
                             const ApplicationContainer& apps)
    : m_directory(directory)
{
    std::filesystem::create_directories(directory);
    PointToPointHelper pcap;
    for (const uint32_t i : hosts)
    {
        const std::string prefix = directory + "/" + topology.hosts[i].name;
        if (const auto& station = installed.links[i].station)
        {
            WifiAccessHelper::EnablePcap(prefix, station); // radiotap
        }
        else
        {
            pcap.EnablePcap(prefix, NodeContainer(installed.hosts.Get(i)));
        }
        auto transport = DynamicCast<DecentralizedLearningApplication>(apps.Get(i))->GetTransport();
        transport->TraceConnectWithoutContext("TransferCompleted",
                                              MakeBoundCallback(
                                                  +[](PacketCapture* self,
                                                      uint32_t node,
                                                      uint32_t peer,
                                                      const DivShareHeader& header,
                                                      uint32_t,
                                                      Time) { self->Sent(node, peer, header); },
                                                  this,
                                                  i));
        transport->TraceConnectWithoutContext("MessageReceived",
                                              MakeBoundCallback(
                                                  +[](PacketCapture* self,
                                                      uint32_t node,
                                                      const DivShareHeader& header,
                                                      uint32_t,
                                                      Time) { self->Received(node, header); },
                                                  this,
                                                  i));
    }
}

void
PacketCapture::Sent(uint32_t node, uint32_t peer, const DivShareHeader& header)
{
    m_messages.push_back({Simulator::Now().GetSeconds(), node, true, peer, header});
}

void
PacketCapture::Received(uint32_t node, const DivShareHeader& header)
{
    m_messages.push_back({Simulator::Now().GetSeconds(), node, false, header.sender, header});
}

void
PacketCapture::Write() const
{
    auto out = ResultsWriter::Open(m_directory + "/messages.csv");
    out << "time_s,node,event,peer,type,sender,iteration,fragment,fragments,values,checksum\n";
    for (const auto& m : m_messages)
    {
        const auto& h = m.header;
        out << m.time << "," << m.node << "," << (m.sent ? "sent" : "received") << "," << m.peer
            << "," << (h.type == DivShareHeader::REPLY ? "reply" : "fragment") << "," << h.sender
            << "," << h.iteration << "," << h.fragment << "," << h.fragments << "," << h.valueCount
            << ",0x" << std::hex << std::setw(8) << std::setfill('0') << h.checksum << std::dec
            << std::setfill(' ') << "\n";
    }
    out.Commit();
}

} // namespace ns3
