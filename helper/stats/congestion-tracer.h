/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_CONGESTION_TRACER_H
#define DIVSHARE_CONGESTION_TRACER_H

#include "ns3/application-container.h"
#include "ns3/flow-monitor-helper.h"
#include "ns3/network-topology.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/queue-disc.h"
#include "ns3/topology-helper.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Records what congestion does during a run and writes it beside the learning
 * results. Four CSV files; their columns are an interface, only ever added to:
 *
 * - link-utilization.csv: `time_s,link,from,to,rate_bps,bytes,utilization` — per link
 *   direction and sampling interval ending at time_s: bytes put on the wire (PPP header
 *   included) and their share of the direction's rate.
 * - queues.csv: `time_s,node,toward,packets,bytes,limit_packets,dropped_packets` — every
 *   router egress queue (queue discipline plus device queue) sampled at time_s: its backlog,
 *   its capacity in packets (empty when limited in bytes), and drops since the start.
 * - flows.csv: `flow_id,kind,protocol,src,dst,src_address,src_port,dst_address,dst_port,
 *   tx_packets,tx_bytes,rx_packets,rx_bytes,lost_packets,dropped_packets,throughput_bps,
 *   mean_delay_s,mean_jitter_s,first_tx_s,last_rx_s` — one row per FlowMonitor flow (IP
 *   bytes: IP and TCP/UDP headers included); kind is divshare (to or from the model
 *   transport's port: model data or its acks) or cross (everything else: cross traffic).
 * - fragment-latency.csv: `time_s,receiver,sender,fragment,bytes,latency_s` — every message
 *   a learning node accepted, latency measured from the start of its transfer.
 */
class CongestionTracer
{
  public:
    /** A router egress queue. */
    struct Queue
    {
        std::string node;                  //!< the router
        std::string toward;                //!< the node at the link's other end
        Ptr<QueueDisc> disc;               //!< its queue discipline (null: none)
        Ptr<PointToPointNetDevice> device; //!< its device (and device queue)
    };

    /** One sample of a queue. */
    struct QueueSample
    {
        double time;             //!< simulated seconds
        uint32_t queue;          //!< index into GetQueues()
        uint32_t packets;        //!< backlog, packets
        uint32_t bytes;          //!< backlog, bytes
        uint64_t droppedPackets; //!< drops since the start
    };

    /** One row of flows.csv. */
    struct Flow
    {
        uint32_t id;             //!< FlowMonitor's flow id
        std::string kind;        //!< divshare or cross
        std::string protocol;    //!< tcp or udp
        std::string src;         //!< source node name
        std::string dst;         //!< destination node name
        Ipv4Address srcAddress;  //!< source address
        uint16_t srcPort;        //!< source port
        Ipv4Address dstAddress;  //!< destination address
        uint16_t dstPort;        //!< destination port
        uint64_t txPackets;      //!< packets sent
        uint64_t txBytes;        //!< IP bytes sent
        uint64_t rxPackets;      //!< packets received
        uint64_t rxBytes;        //!< IP bytes received
        uint64_t lostPackets;    //!< packets FlowMonitor declared lost
        uint64_t droppedPackets; //!< packets seen dropped (queues, TTL, ...)
        double throughputBps;    //!< rx bits over first tx .. last rx
        double meanDelay;        //!< seconds
        double meanJitter;       //!< seconds
        double firstTx;          //!< seconds
        double lastRx;           //!< seconds
    };

    /**
     * \param topology the network description (names)
     * \param installed the installed network
     * \param interval sampling interval of utilization and queues
     */
    CongestionTracer(const NetworkTopology& topology,
                     const InstalledTopology& installed,
                     Time interval);

    /**
     * \brief Record fragment latencies of these learning applications (host order) and
     * classify flows on their transport's port.
     * \param apps DecentralizedLearningApplication instances
     */
    void WatchApplications(const ApplicationContainer& apps);

    /**
     * \brief Hook the traces, install FlowMonitor and schedule sampling until stop.
     * \param stop end of sampling
     */
    void Start(Time stop);

    /** \brief Collect FlowMonitor's statistics; call after the run, before Simulator::Destroy. */
    void Finish();

    /**
     * \brief Write the four CSV files.
     * \param directory output folder, created if missing
     * \throws std::runtime_error when a file cannot be written
     */
    void Write(const std::string& directory) const;

    /** A message that arrived whole (a row of fragment-latency.csv). */
    struct Arrival
    {
        double time;       //!< seconds
        uint32_t receiver; //!< node index
        uint32_t sender;   //!< node index
        uint32_t fragment; //!< fragment id
        uint32_t bytes;    //!< message bytes
        double latency;    //!< seconds since its transfer started
    };

    /** \return the router egress queues */
    const std::vector<Queue>& GetQueues() const;
    /** \return the queue samples, in time order */
    const std::vector<QueueSample>& GetQueueSamples() const;
    /** \return the messages that arrived, in time order */
    const std::vector<Arrival>& GetArrivals() const;
    /** \return the flows (after Finish()) */
    const std::vector<Flow>& GetFlows() const;
    /**
     * \param queue index into GetQueues()
     * \return its capacity in packets (queue discipline and device queue), 0 when in bytes
     */
    uint32_t GetLimitPackets(uint32_t queue) const;

  private:
    /** One direction of a link. */
    struct Direction
    {
        std::string link;
        std::string from;
        std::string to;
        Ptr<PointToPointNetDevice> device;
        DataRate rate;       //!< the device's rate
        uint64_t bytes{0};   //!< since the start
        uint64_t sampled{0}; //!< at the last sample
    };

    /** A row of link-utilization.csv. */
    struct LinkSample
    {
        double time;
        uint32_t direction;
        uint64_t bytes;
    };

    static void CountTx(CongestionTracer* self, uint32_t direction, Ptr<const Packet> packet);
    static void RecordArrival(CongestionTracer* self,
                              uint32_t receiver,
                              uint32_t sender,
                              uint32_t fragment,
                              uint32_t bytes,
                              Time latency);
    void Sample();
    std::string NameOf(Ipv4Address address) const;

    Time m_interval;
    Time m_stop;
    std::vector<Direction> m_directions;
    std::vector<Queue> m_queues;
    std::vector<std::pair<Ipv4Address, std::string>> m_names;
    uint16_t m_transportPort{0};
    ApplicationContainer m_apps;
    FlowMonitorHelper m_flowHelper;
    Ptr<FlowMonitor> m_flowMonitor;
    std::vector<LinkSample> m_linkSamples;
    std::vector<QueueSample> m_queueSamples;
    std::vector<Arrival> m_arrivals;
    std::vector<Flow> m_flows;
};

} // namespace ns3

#endif /* DIVSHARE_CONGESTION_TRACER_H */
