/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_MODEL_TRANSPORT_H
#define DIVSHARE_MODEL_TRANSPORT_H

#include "divshare-header.h"
#include "message-codec.h"

#include "ns3/address.h"
#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Per-node traffic counters of the model transport (application bytes, headers
 * included; TCP/IP headers excluded).
 */
struct TrafficCounters
{
    uint64_t bytesSent{0};           //!< message bytes of completed (transmitted) transfers
    uint64_t messagesSent{0};        //!< messages whose transfer completed
    uint64_t bytesReceived{0};       //!< bytes read from inbound connections
    uint64_t messagesReceived{0};    //!< messages decoded and accepted
    uint64_t messagesFlushed{0};     //!< queued messages dropped by Flush()
    uint64_t bytesFlushed{0};        //!< their bytes (header included)
    uint64_t messagesMalformed{0};   //!< inbound streams or messages rejected
    uint64_t bytesMalformed{0};      //!< bytes discarded with them
    uint64_t transfersFailed{0};     //!< outbound transfers lost to a connection error
    uint64_t messagesUnreachable{0}; //!< queued messages dropped: their peer is in backoff
    uint64_t connectionsOpened{0};   //!< TCP connections this node opened
    uint64_t connectionsClosed{0};   //!< connections it closed idle (pool full, or IdleTimeout)
    uint32_t peakSockets{0};         //!< most sockets open at once (listener, in and out)
};

/**
 * \ingroup divshare
 * \brief Sends and receives model messages as real bytes over ns-3 TCP sockets.
 *
 * Outbound messages wait in an application-level send queue until a transfer slot is free
 * (at most MaxConcurrentTransfers at once, at most one per peer connection). A transfer
 * starts by stamping and encoding the message, writes it into the peer's TCP connection
 * as the socket's send buffer allows, and completes once TCP
 * has transmitted its last byte (its DataSent notification); then the slot goes to the next
 * queued message. So messages wait in the queue, where Flush() can drop them, while the link
 * is busy, and a slot is not held for the receiver's delayed ACK (200 ms in ns-3) after each
 * message, as it would be if transfers ended on the last acknowledgement. Inbound connections
 * are accepted on Port; their bytes are reassembled into messages and checked; a malformed
 * stream is counted and dropped.
 *
 * Connections are a pool, as in real systems' connection managers, and a connection carries
 * messages both ways: a node sends to a peer on the connection it opened to it or on the one
 * the peer opened to it, whichever exists, so a pair of nodes holds one connection, not one
 * per direction (two only when both open at the same moment). One is opened on first use and
 * kept for the next transfers, but at most MaxConnections are used at once; opening one more
 * first closes the least recently used idle one (idle both ways), and one idle for
 * IdleTimeout is closed. So a node holds about MaxConnections sockets, and at most one per
 * peer, however many nodes the run has, and ns-3's per-packet endpoint lookup, a linear scan
 * over the node's sockets, stays short. Closing is graceful: the side that closes still reads
 * what the other had under way, and a side whose peer closed finishes its transfer first. A
 * closed connection's TIME_WAIT lasts 2 TimeWaitMsl, not Linux's 60 s: its endpoint would
 * otherwise stay in that scan.
 */
class ModelTransport : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    ModelTransport();
    ~ModelTransport() override;

    /**
     * Called for every accepted inbound message; returns false to reject it (then counted as
     * malformed).
     */
    using ReceiveCallback = Callback<bool, const DivShareHeader&, std::vector<float>&>;
    /**
     * Called for every well-formed inbound header before its payload is received; returns
     * false if this node cannot expect such a message (then the connection is dropped and the
     * bytes counted as malformed, before the payload is buffered).
     */
    using HeaderCheck = Callback<bool, const DivShareHeader&>;

    /**
     * \brief Bind the transport to its node and peers (before Start()).
     * \param node the node whose sockets are used
     * \param self this node's index
     * \param peers socket address (IP and Port) of every node, indexed by node index
     */
    void Setup(Ptr<Node> node, uint32_t self, const std::vector<Address>& peers);
    /** \param callback receives every decoded message */
    void SetReceiveCallback(ReceiveCallback callback);
    /** \param check judges every inbound header (the sender's index is checked anyway) */
    void SetHeaderCheck(HeaderCheck check);
    /** \brief Start listening. */
    void Start();
    /** \brief Close every socket and drop the queue. */
    void Stop();

    /**
     * \brief Queue a message for a peer.
     * \param peer destination node index
     * \param type a DivShareHeader::MessageType
     * \param iteration sender's iteration
     * \param fragment fragment id
     * \param fragments Ω
     * \param values payload, shared by all copies of the same fragment
     */
    void Enqueue(uint32_t peer,
                 uint8_t type,
                 uint32_t iteration,
                 uint32_t fragment,
                 uint32_t fragments,
                 std::shared_ptr<const std::vector<float>> values);
    /**
     * \brief Drop every queued message whose transfer has not started.
     * \return the number of messages dropped
     */
    uint32_t Flush();
    /** \return messages waiting in the send queue */
    uint32_t GetQueueLength() const;
    /** \return the counters */
    const TrafficCounters& GetCounters() const;
    /** \return the sockets this transport holds now: listener, outbound and inbound */
    uint32_t GetSocketCount() const;

    /** Trace signature: a transfer started. (peer, header, time it waited in the queue) */
    using TransferStartedTracedCallback = void (*)(uint32_t peer,
                                                   const DivShareHeader& header,
                                                   Time queueDelay);
    /** Trace signature: a transfer completed. (peer, header, bytes, duration) */
    using TransferCompletedTracedCallback = void (*)(uint32_t peer,
                                                     const DivShareHeader& header,
                                                     uint32_t bytes,
                                                     Time duration);
    /** Trace signature: a message arrived. (header, bytes, latency since its transfer began) */
    using MessageReceivedTracedCallback = void (*)(const DivShareHeader& header,
                                                   uint32_t bytes,
                                                   Time latency);
    /** Trace signature: a queued message was flushed. (peer, fragment id, bytes) */
    using MessageFlushedTracedCallback = void (*)(uint32_t peer, uint32_t fragment, uint32_t bytes);
    /** Trace signature: an inbound stream was rejected. (bytes discarded, reason) */
    using MalformedTracedCallback = void (*)(uint32_t bytes, const std::string& reason);

  protected:
    void DoDispose() override;

  private:
    /** A message waiting to be sent. */
    struct Outgoing
    {
        uint32_t peer;
        DivShareHeader header; //!< without value count, send time and checksum yet
        std::shared_ptr<const std::vector<float>> values;
        Time enqueued;
    };

    /** One TCP connection with a peer, opened by either side: it carries messages both ways. */
    struct Connection
    {
        Ptr<Socket> socket;
        uint64_t id{0};            //!< order of creation: teardown follows it, not addresses
        uint32_t peer{UINT32_MAX}; //!< UINT32_MAX: an unknown address (then receive only)
        bool connected{false};
        bool closing{false};       //!< this side closed it; it still reads what the peer sends
        bool peerClosed{false};    //!< the peer closed it; the transfer under way finishes first
        MessageReassembler reader; //!< inbound bytes
        Ptr<Packet> message;       //!< outbound message under transfer, null when idle
        DivShareHeader header;     //!< its header
        uint32_t written{0};       //!< bytes of it handed to TCP
        uint64_t handedOver{0};    //!< bytes handed to TCP on this connection, in all
        uint64_t transmitted{0};   //!< bytes TCP has transmitted (first transmissions), in all
        uint64_t messageEnd{0};    //!< handedOver once the current message is fully handed over
        Time lastUsed;             //!< when its last transfer started or ended
        EventId idleEvent;         //!< closes it after IdleTimeout without a transfer
        EventId connectEvent;      //!< gives up connecting after ConnectTimeout
        EventId stallEvent;        //!< checks the transfer's progress every StallTimeout
        uint64_t transmittedAtCheck{0}; //!< transmitted at the last progress check
    };

    void Dispatch();
    void StartTransfer(Outgoing&& outgoing);
    Connection& OpenConnection(uint32_t peer);
    Connection& AddConnection(Ptr<Socket> socket, uint32_t peer);
    void MakeRoomForConnection();
    static bool IsIdle(const Connection& connection);
    void CountSockets();
    void WriteMore(Connection& connection);
    void CompleteIfTransmitted(Connection& connection);
    void EndTransfer(Connection& connection, bool failed);
    void FailTransfer(Connection& connection);
    void FailConnection(Connection& connection);
    /** \brief Make it the connection the peer's messages take. */
    void Route(Connection& connection);
    /** \brief Whether it is the connection the peer's messages take. */
    bool IsRouted(const Connection& connection) const;
    /** \brief Take it out of m_connectionTo: no new transfer goes on it. */
    void Unroute(Connection& connection);
    /** \brief Mark it used now (a transfer started or ended). */
    void Touch(Connection& connection);
    /** \brief Unroute() and stop its timers. */
    void Detach(Connection& connection);
    void Retire(Connection& connection);
    void Forget(Connection& connection, bool close);
    void RejectInbound(Connection& connection, uint32_t bytes, const std::string& reason);
    Connection* Find(Ptr<Socket> socket);
    static void CloseQuietly(Ptr<Socket> socket, bool close = true);

    void CheckProgress(Ptr<Socket> socket);
    void CloseIfIdle(Ptr<Socket> socket);
    void ConnectTimedOut(Ptr<Socket> socket);
    void HandleConnected(Ptr<Socket> socket);
    void HandleConnectionFailed(Ptr<Socket> socket);
    void HandleSendSpace(Ptr<Socket> socket, uint32_t available);
    void HandleDataSent(Ptr<Socket> socket, uint32_t bytes);
    void HandleAccept(Ptr<Socket> socket, const Address& from);
    void HandleRead(Ptr<Socket> socket);
    void HandlePeerClose(Ptr<Socket> socket);
    void HandleErrorClose(Ptr<Socket> socket);
    void Closed(Ptr<Socket> socket, bool peerClosed);

    uint16_t m_port;
    uint32_t m_maxTransfers;
    uint32_t m_maxConnections;
    Time m_idleTimeout;
    Time m_timeWaitMsl;
    Time m_connectTimeout;
    Time m_stallTimeout;
    Time m_peerBackoff;
    std::map<uint32_t, Time> m_backoffUntil; //!< unreachable peers, and until when
    Ptr<Node> m_node;
    uint32_t m_self{0};
    std::vector<Address> m_peers;
    ReceiveCallback m_receive;
    HeaderCheck m_headerCheck;
    Ptr<Socket> m_listener;
    std::unordered_map<uint32_t, uint32_t> m_peerOfAddress; //!< IPv4 address -> node index
    std::deque<Outgoing> m_queue;
    std::unordered_map<Socket*, Connection> m_connections; //!< every connection, either side's
    std::map<uint32_t, Connection*> m_connectionTo;        //!< the one each peer's messages take
    /** The connections of m_connectionTo by last use, then peer: the pool's eviction order. */
    std::set<std::pair<Time, uint32_t>> m_routedByUse;
    uint64_t m_nextConnectionId{0};
    uint32_t m_inFlight{0};
    bool m_dispatching{false};   //!< Dispatch() is running
    bool m_dispatchAgain{false}; //!< a transfer ended while it ran: scan the queue again
    bool m_disposing{false};     //!< DoDispose() is running: release sockets, do not close
    TrafficCounters m_counters;

    TracedCallback<uint32_t, const DivShareHeader&, Time> m_transferStartedTrace;
    TracedCallback<uint32_t, const DivShareHeader&, uint32_t, Time> m_transferCompletedTrace;
    TracedCallback<const DivShareHeader&, uint32_t, Time> m_messageReceivedTrace;
    TracedCallback<uint32_t, uint32_t, uint32_t> m_messageFlushedTrace;
    TracedCallback<uint32_t, const std::string&> m_malformedTrace;
};

} // namespace ns3

#endif /* DIVSHARE_MODEL_TRANSPORT_H */
