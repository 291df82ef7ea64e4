/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_PACKET_CAPTURE_H
#define DIVSHARE_PACKET_CAPTURE_H

#include "ns3/application-container.h"
#include "ns3/divshare-header.h"
#include "ns3/network-topology.h"
#include "ns3/nstime.h"
#include "ns3/topology-helper.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief pcap files of chosen learning nodes, and the messages those nodes sent and received
 * as their transports saw them, to line the two up (utils/divshare.lua decodes the messages
 * in Wireshark or tshark).
 *
 * Into its folder: `<node>-<nodeId>-<deviceId>.pcap` per device of each chosen node (ns-3's
 * point-to-point EnablePcap, PPP framing), and on Write() `messages.csv`:
 * `time_s,node,event,peer,type,sender,iteration,fragment,fragments,values,checksum` with
 * event `sent` when TCP transmitted a message's last byte for the first time and `received`
 * when a complete, checked message arrived (peer: the other end's node index).
 */
class PacketCapture
{
  public:
    /**
     * \param selection "all", or learning nodes (names or indices) separated by ','
     * \param topology the network
     * \return the chosen node indices, ascending, without repeats
     * \throws std::invalid_argument naming the item that is no learning node
     */
    static std::vector<uint32_t> Select(const std::string& selection,
                                        const NetworkTopology& topology);

    /**
     * \brief Enable pcap on the chosen nodes' devices and watch their transports.
     * \param directory output folder, created if missing
     * \param hosts chosen node indices (see Select())
     * \param topology the network, for the nodes' names
     * \param installed what TopologyHelper built from it
     * \param apps the learning applications, host i = application i
     */
    PacketCapture(const std::string& directory,
                  const std::vector<uint32_t>& hosts,
                  const NetworkTopology& topology,
                  const InstalledTopology& installed,
                  const ApplicationContainer& apps);

    /** \brief Write messages.csv. \throws std::runtime_error if it cannot be written */
    void Write() const;

  private:
    /** One message seen by a chosen node's transport. */
    struct Message
    {
        double time;           //!< simulated seconds
        uint32_t node;         //!< the chosen node
        bool sent;             //!< sent by it (else received)
        uint32_t peer;         //!< the node at the other end
        DivShareHeader header; //!< the message's header
    };

    void Sent(uint32_t node, uint32_t peer, const DivShareHeader& header);
    void Received(uint32_t node, const DivShareHeader& header);

    std::string m_directory;
    std::vector<Message> m_messages;
};

} // namespace ns3

#endif /* DIVSHARE_PACKET_CAPTURE_H */
