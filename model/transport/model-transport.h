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
    uint64_t connectionsOpened{0};   //!< outbound TCP connections opened
    uint64_t connectionsClosed{0};   //!< of them, closed idle (pool full, or IdleTimeout)
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
 * Connections are a pool, as in real systems' connection managers: one is opened to a peer
 * on first use and kept for the next transfers, but at most MaxConnections outbound ones are
 * open at once; opening one more first closes the least recently used idle one, and one idle
 * for IdleTimeout is closed. So a node holds about 2 MaxConnections sockets (its own, and
 * its peers' connections to it) however many nodes the run has, and ns-3's per-packet
 * endpoint lookup, a linear scan over the node's sockets, stays cheap. A closed
 * connection's TIME_WAIT lasts 2 TimeWaitMsl, not Linux's 60 s: its endpoint would
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

    /** The outbound connection to one peer and its current transfer. */
    struct Connection
    {
        Ptr<Socket> socket;
        bool connected{false};
        Ptr<Packet> message;     //!< message under transfer, null when idle
        DivShareHeader header;   //!< its header
        uint32_t written{0};     //!< bytes of it handed to TCP
        uint64_t handedOver{0};  //!< bytes handed to TCP on this connection, in all
        uint64_t transmitted{0}; //!< bytes TCP has transmitted (first transmissions), in all
        uint64_t messageEnd{0};  //!< handedOver once the current message is fully handed over
        Time lastUsed;           //!< when its last transfer started or ended
        EventId idleEvent;       //!< closes it after IdleTimeout without a transfer
        EventId connectEvent;    //!< gives up connecting after ConnectTimeout
        EventId stallEvent;      //!< checks the transfer's progress every StallTimeout
        uint64_t transmittedAtCheck{0}; //!< transmitted at the last progress check
    };

    void Dispatch();
    void StartTransfer(Outgoing&& outgoing);
    void OpenConnection(uint32_t peer);
    void MakeRoomForConnection();
    void CloseIfIdle(uint32_t peer);
    void CloseConnection(uint32_t peer);
    void CountSockets();
    void WriteMore(uint32_t peer);
    void CompleteIfTransmitted(uint32_t peer);
    void FailTransfer(uint32_t peer);
    void FailConnection(uint32_t peer);
    void CheckProgress(uint32_t peer);
    uint32_t PeerOf(Ptr<Socket> socket) const;
    static void CloseQuietly(Ptr<Socket> socket, bool close = true);

    void HandleConnected(Ptr<Socket> socket);
    void HandleConnectionFailed(Ptr<Socket> socket);
    void HandleSendSpace(Ptr<Socket> socket, uint32_t available);
    void HandleDataSent(Ptr<Socket> socket, uint32_t bytes);
    void HandleOutboundClosed(Ptr<Socket> socket);
    void HandleAccept(Ptr<Socket> socket, const Address& from);
    void HandleRead(Ptr<Socket> socket);
    void HandleInboundClosed(Ptr<Socket> socket);
    void HandleInboundError(Ptr<Socket> socket);
    void ForgetInbound(Ptr<Socket> socket, bool peerClosed);
    void RejectInbound(Ptr<Socket> socket, uint32_t bytes, const std::string& reason);

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
    std::deque<Outgoing> m_queue;
    std::map<uint32_t, Connection> m_connections; //!< open outbound connections, by peer
    std::map<Ptr<Socket>, uint32_t> m_peerOfSocket;
    std::map<Ptr<Socket>, MessageReassembler> m_inbound;
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
