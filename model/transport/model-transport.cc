/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model-transport.h"

#include "ns3/double.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ModelTransport");

NS_OBJECT_ENSURE_REGISTERED(ModelTransport);

TypeId
ModelTransport::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ModelTransport")
            .SetParent<Object>()
            .SetGroupName("DivShare")
            .AddConstructor<ModelTransport>()
            .AddAttribute("Port",
                          "TCP port on which every node accepts model messages.",
                          UintegerValue(7000),
                          MakeUintegerAccessor(&ModelTransport::m_port),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("MaxConcurrentTransfers",
                          "How many outbound transfers may be under way at once (each to a "
                          "different peer); the rest wait in the send queue.",
                          UintegerValue(4),
                          MakeUintegerAccessor(&ModelTransport::m_maxTransfers),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("MaxConnections",
                          "TCP connections used for sending at once, opened by this node or "
                          "by its peers (0: no limit); opening one more first closes the least "
                          "recently used idle one. Transfers under way are never cut, so up to "
                          "MaxConcurrentTransfers may be open if that is larger.",
                          UintegerValue(256),
                          MakeUintegerAccessor(&ModelTransport::m_maxConnections),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("IdleTimeout",
                          "A connection without a transfer either way for this long is closed "
                          "(0: kept until the pool needs its place).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&ModelTransport::m_idleTimeout),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("TimeWaitMsl",
                          "Maximum segment lifetime of the transport's TCP sockets: a closed "
                          "connection's endpoint lingers in TIME_WAIT for twice this (ns-3's "
                          "default, 120 s, would keep every closed connection in the node's "
                          "endpoint scan for 4 minutes).",
                          TimeValue(MilliSeconds(20)),
                          MakeTimeAccessor(&ModelTransport::m_timeWaitMsl),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("ConnectTimeout",
                          "A connection not established after this long fails, and its "
                          "transfer with it (0: wait as long as TCP retries its SYN, about "
                          "3 minutes in ns-3, holding a transfer slot all along).",
                          TimeValue(Seconds(5)),
                          MakeTimeAccessor(&ModelTransport::m_connectTimeout),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("StallTimeout",
                          "A transfer on an established connection during which TCP transmits "
                          "nothing new for this long fails, as if its connection had (0: wait "
                          "as long as TCP retransmits, minutes when the peer is gone).",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&ModelTransport::m_stallTimeout),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("PeerBackoff",
                          "After a connection to a peer fails (refused, or ConnectTimeout), "
                          "messages queued for it are dropped and counted for this long, so "
                          "that unreachable peers cost their own messages only.",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&ModelTransport::m_peerBackoff),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("TransferStarted",
                            "A queued message started its transfer.",
                            MakeTraceSourceAccessor(&ModelTransport::m_transferStartedTrace),
                            "ns3::ModelTransport::TransferStartedTracedCallback")
            .AddTraceSource("TransferCompleted",
                            "TCP transmitted the last byte of a message for the first time.",
                            MakeTraceSourceAccessor(&ModelTransport::m_transferCompletedTrace),
                            "ns3::ModelTransport::TransferCompletedTracedCallback")
            .AddTraceSource("MessageReceived",
                            "A complete, checked message arrived.",
                            MakeTraceSourceAccessor(&ModelTransport::m_messageReceivedTrace),
                            "ns3::ModelTransport::MessageReceivedTracedCallback")
            .AddTraceSource("MessageFlushed",
                            "A queued message was dropped by Flush().",
                            MakeTraceSourceAccessor(&ModelTransport::m_messageFlushedTrace),
                            "ns3::ModelTransport::MessageFlushedTracedCallback")
            .AddTraceSource("Malformed",
                            "Inbound bytes were rejected and their connection dropped.",
                            MakeTraceSourceAccessor(&ModelTransport::m_malformedTrace),
                            "ns3::ModelTransport::MalformedTracedCallback");
    return tid;
}

ModelTransport::ModelTransport()
{
    NS_LOG_FUNCTION(this);
}

ModelTransport::~ModelTransport()
{
    NS_LOG_FUNCTION(this);
}

void
ModelTransport::DoDispose()
{
    NS_LOG_FUNCTION(this);
    // At teardown the node's TCP/IP stack may be disposed already (ns-3.35 disposes it before
    // the applications): closing a socket would send a FIN through it and crash.
    m_disposing = true;
    Stop();
    m_node = nullptr;
    m_receive = ReceiveCallback();
    m_headerCheck = HeaderCheck();
    Object::DoDispose();
}

void
ModelTransport::Setup(Ptr<Node> node, uint32_t self, const std::vector<Address>& peers)
{
    NS_LOG_FUNCTION(this << node << self << peers.size());
    NS_ABORT_MSG_IF(self >= peers.size(),
                    "ModelTransport: node index " << self << " outside the " << peers.size()
                                                  << " peer addresses");
    m_node = node;
    m_self = self;
    m_peers = peers;
    m_peerOfAddress.clear();
    for (uint32_t peer = 0; peer < peers.size(); ++peer)
    {
        if (InetSocketAddress::IsMatchingType(peers[peer]))
        {
            m_peerOfAddress.emplace(InetSocketAddress::ConvertFrom(peers[peer]).GetIpv4().Get(),
                                    peer);
        }
    }
    m_connections.clear();
    m_connectionTo.clear();
    m_routedByUse.clear();
}

void
ModelTransport::SetReceiveCallback(ReceiveCallback callback)
{
    m_receive = callback;
}

void
ModelTransport::SetHeaderCheck(HeaderCheck check)
{
    m_headerCheck = check;
}

void
ModelTransport::Start()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_node, "ModelTransport::Start before Setup");
    m_listener = Socket::CreateSocket(m_node, TcpSocketFactory::GetTypeId());
    // Accepted sockets are forks of the listener and inherit it.
    m_listener->SetAttribute("MaxSegLifetime", DoubleValue(m_timeWaitMsl.GetSeconds()));
    NS_ABORT_MSG_IF(m_listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port)) != 0,
                    "ModelTransport: node " << m_self << " cannot bind TCP port " << m_port
                                            << "; is another application using it?");
    m_listener->Listen();
    m_listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                  MakeCallback(&ModelTransport::HandleAccept, this));
    CountSockets();
}

void
ModelTransport::Stop()
{
    NS_LOG_FUNCTION(this);
    m_queue.clear();
    // In the order the connections were made, so that the FINs go out in the same order in
    // every run.
    std::vector<Connection*> connections;
    for (auto& [socket, connection] : m_connections)
    {
        connections.push_back(&connection);
    }
    std::sort(connections.begin(), connections.end(), [](const Connection* a, const Connection* b) {
        return a->id < b->id;
    });
    for (auto* connection : connections)
    {
        connection->idleEvent.Cancel();
        connection->connectEvent.Cancel();
        connection->stallEvent.Cancel();
        // A connecting socket is left to its SYN retries (see Retire).
        CloseQuietly(connection->socket,
                     !m_disposing && !connection->closing && connection->connected);
    }
    m_connectionTo.clear();
    m_routedByUse.clear();
    m_connections.clear();
    if (m_listener)
    {
        m_listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                      MakeNullCallback<void, Ptr<Socket>, const Address&>());
        CloseQuietly(m_listener, !m_disposing);
        m_listener = nullptr;
    }
    m_inFlight = 0;
}

void
ModelTransport::Enqueue(uint32_t peer,
                        uint8_t type,
                        uint32_t iteration,
                        uint32_t fragment,
                        uint32_t fragments,
                        std::shared_ptr<const std::vector<float>> values)
{
    NS_LOG_FUNCTION(this << peer << static_cast<uint32_t>(type) << iteration << fragment);
    NS_ABORT_MSG_IF(peer >= m_peers.size() || peer == m_self,
                    "ModelTransport: node " << m_self << " cannot send to node " << peer);
    Outgoing outgoing{peer, DivShareHeader(), std::move(values), Simulator::Now()};
    outgoing.header.type = type;
    outgoing.header.sender = m_self;
    outgoing.header.iteration = iteration;
    outgoing.header.fragment = fragment;
    outgoing.header.fragments = fragments;
    m_queue.push_back(std::move(outgoing));
    Dispatch();
}

uint32_t
ModelTransport::Flush()
{
    NS_LOG_FUNCTION(this);
    const auto flushed = static_cast<uint32_t>(m_queue.size());
    for (const auto& outgoing : m_queue)
    {
        const auto bytes = static_cast<uint32_t>(DivShareHeader::SERIALIZED_SIZE +
                                                 outgoing.values->size() * sizeof(float));
        ++m_counters.messagesFlushed;
        m_counters.bytesFlushed += bytes;
        m_messageFlushedTrace(outgoing.peer, outgoing.header.fragment, bytes);
    }
    m_queue.clear();
    return flushed;
}

uint32_t
ModelTransport::GetQueueLength() const
{
    return static_cast<uint32_t>(m_queue.size());
}

const TrafficCounters&
ModelTransport::GetCounters() const
{
    return m_counters;
}

uint32_t
ModelTransport::GetSocketCount() const
{
    return static_cast<uint32_t>((m_listener ? 1 : 0) + m_connections.size());
}

void
ModelTransport::CountSockets()
{
    m_counters.peakSockets = std::max(m_counters.peakSockets, GetSocketCount());
}

ModelTransport::Connection*
ModelTransport::Find(Ptr<Socket> socket)
{
    auto it = m_connections.find(PeekPointer(socket));
    return it == m_connections.end() ? nullptr : &it->second;
}

void
ModelTransport::Dispatch()
{
    // A transfer can complete inside StartTransfer() (TCP took the whole message) and ask
    // for the next one: the running loop then scans again instead of recursing.
    if (m_dispatching)
    {
        m_dispatchAgain = true;
        return;
    }
    m_dispatching = true;
    do
    {
        m_dispatchAgain = false;
        // The oldest message whose peer connection is idle goes next, so that one slow peer
        // does not hold back messages for the others.
        std::size_t i = 0;
        while (m_inFlight < m_maxTransfers && i < m_queue.size())
        {
            auto backoff = m_backoffUntil.empty() ? m_backoffUntil.end()
                                                  : m_backoffUntil.find(m_queue[i].peer);
            if (backoff != m_backoffUntil.end() && Simulator::Now() >= backoff->second)
            {
                m_backoffUntil.erase(backoff); // over: the next message tries again
                backoff = m_backoffUntil.end();
            }
            if (backoff != m_backoffUntil.end())
            {
                NS_LOG_LOGIC("node " << m_self << ": dropping a message for unreachable node "
                                     << m_queue[i].peer);
                ++m_counters.messagesUnreachable;
                m_queue.erase(m_queue.begin() + static_cast<std::ptrdiff_t>(i));
                continue;
            }
            auto to = m_connectionTo.find(m_queue[i].peer);
            if (to != m_connectionTo.end() && to->second->message)
            {
                ++i;
                continue;
            }
            Outgoing outgoing = std::move(m_queue[i]);
            m_queue.erase(m_queue.begin() + static_cast<std::ptrdiff_t>(i));
            StartTransfer(std::move(outgoing));
        }
    } while (m_dispatchAgain);
    m_dispatching = false;
}

void
ModelTransport::StartTransfer(Outgoing&& outgoing)
{
    NS_LOG_FUNCTION(this << outgoing.peer);
    auto to = m_connectionTo.find(outgoing.peer);
    if (to == m_connectionTo.end())
    {
        MakeRoomForConnection();
    }
    Connection& connection =
        to == m_connectionTo.end() ? OpenConnection(outgoing.peer) : *to->second;
    connection.idleEvent.Cancel();
    Touch(connection);
    outgoing.header.sendTimeNs = Simulator::Now().GetNanoSeconds();
    connection.message = EncodeModelMessage(outgoing.header, *outgoing.values);
    // As it goes on the wire: value count and checksum filled in (traces report it).
    connection.message->PeekHeader(connection.header);
    connection.written = 0;
    connection.messageEnd = connection.handedOver + connection.message->GetSize();
    ++m_inFlight;
    if (m_stallTimeout.IsStrictlyPositive())
    {
        // One check per StallTimeout, not one timer per segment.
        connection.transmittedAtCheck = connection.transmitted;
        connection.stallEvent.Cancel();
        connection.stallEvent = Simulator::Schedule(m_stallTimeout,
                                                    &ModelTransport::CheckProgress,
                                                    this,
                                                    connection.socket);
    }
    m_transferStartedTrace(outgoing.peer, connection.header, Simulator::Now() - outgoing.enqueued);
    if (connection.connected)
    {
        WriteMore(connection);
    }
}

bool
ModelTransport::IsIdle(const Connection& connection)
{
    return !connection.message && connection.reader.GetBufferedBytes() == 0;
}

void
ModelTransport::MakeRoomForConnection()
{
    if (m_maxConnections == 0 || m_connectionTo.size() < m_maxConnections)
    {
        return;
    }
    // The least recently used idle connection; ties go to the lowest peer index.
    for (const auto& use : m_routedByUse)
    {
        Connection* connection = m_connectionTo.at(use.second);
        if (IsIdle(*connection))
        {
            ++m_counters.connectionsClosed;
            Retire(*connection);
            return;
        }
    }
}

void
ModelTransport::CloseIfIdle(Ptr<Socket> socket)
{
    Connection* connection = Find(socket);
    if (connection && !connection->closing && IsIdle(*connection))
    {
        ++m_counters.connectionsClosed;
        Retire(*connection);
    }
}

ModelTransport::Connection&
ModelTransport::AddConnection(Ptr<Socket> socket, uint32_t peer)
{
    Connection& connection = m_connections[PeekPointer(socket)];
    connection.socket = socket;
    connection.id = m_nextConnectionId++;
    connection.peer = peer;
    connection.lastUsed = Simulator::Now();
    connection.reader.SetHeaderCheck([this](const DivShareHeader& header) -> std::string {
        if (header.sender >= m_peers.size() || header.sender == m_self)
        {
            return "sender " + std::to_string(header.sender) + " is not a peer";
        }
        if (!m_headerCheck.IsNull() && !m_headerCheck(header))
        {
            return "unexpected fragment " + std::to_string(header.fragment) + " of " +
                   std::to_string(header.fragments) + " with " + std::to_string(header.valueCount) +
                   " values";
        }
        return "";
    });
    socket->SetRecvCallback(MakeCallback(&ModelTransport::HandleRead, this));
    socket->SetSendCallback(MakeCallback(&ModelTransport::HandleSendSpace, this));
    socket->SetDataSentCallback(MakeCallback(&ModelTransport::HandleDataSent, this));
    socket->SetCloseCallbacks(MakeCallback(&ModelTransport::HandlePeerClose, this),
                              MakeCallback(&ModelTransport::HandleErrorClose, this));
    CountSockets();
    return connection;
}

ModelTransport::Connection&
ModelTransport::OpenConnection(uint32_t peer)
{
    NS_LOG_FUNCTION(this << peer);
    Ptr<Socket> socket = Socket::CreateSocket(m_node, TcpSocketFactory::GetTypeId());
    socket->SetAttribute("MaxSegLifetime", DoubleValue(m_timeWaitMsl.GetSeconds()));
    ++m_counters.connectionsOpened;
    Connection& connection = AddConnection(socket, peer);
    Route(connection);
    socket->Bind();
    socket->SetConnectCallback(MakeCallback(&ModelTransport::HandleConnected, this),
                               MakeCallback(&ModelTransport::HandleConnectionFailed, this));
    socket->Connect(m_peers[peer]);
    if (m_connectTimeout.IsStrictlyPositive())
    {
        connection.connectEvent =
            Simulator::Schedule(m_connectTimeout, &ModelTransport::ConnectTimedOut, this, socket);
    }
    return connection;
}

void
ModelTransport::Route(Connection& connection)
{
    m_connectionTo[connection.peer] = &connection;
    m_routedByUse.emplace(connection.lastUsed, connection.peer);
}

bool
ModelTransport::IsRouted(const Connection& connection) const
{
    auto to = m_connectionTo.find(connection.peer);
    return to != m_connectionTo.end() && to->second == &connection;
}

void
ModelTransport::Unroute(Connection& connection)
{
    if (IsRouted(connection))
    {
        m_connectionTo.erase(connection.peer);
        m_routedByUse.erase({connection.lastUsed, connection.peer});
    }
}

void
ModelTransport::Touch(Connection& connection)
{
    const bool routed = IsRouted(connection);
    if (routed)
    {
        m_routedByUse.erase({connection.lastUsed, connection.peer});
    }
    connection.lastUsed = Simulator::Now();
    if (routed)
    {
        m_routedByUse.emplace(connection.lastUsed, connection.peer);
    }
}

void
ModelTransport::Detach(Connection& connection)
{
    connection.idleEvent.Cancel();
    connection.connectEvent.Cancel();
    connection.stallEvent.Cancel();
    Unroute(connection);
}

void
ModelTransport::Retire(Connection& connection)
{
    NS_LOG_FUNCTION(this << connection.peer);
    Detach(connection);
    if (connection.peerClosed)
    {
        Forget(connection, true); // nothing more can arrive
        return;
    }
    connection.message = nullptr;
    connection.closing = true;
    if (!connection.connected)
    {
        // Closing a connecting socket sends a RST to the peer's port, and ns-3 (3.37 to 3.4x)
        // arms a zero-window persist timer on a listener whose first segment is a RST, which
        // crashes when it fires: let TCP's SYN retries end it (HandleConnectionFailed), or
        // close it once it connects after all (HandleConnected).
        return;
    }
    // TCP still delivers (and retransmits) what it holds, then sends its FIN; the peer's
    // transfer under way, if any, is still read. Closed() forgets the connection.
    Ptr<Socket> socket = connection.socket;
    socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    socket->SetDataSentCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    socket->Close(); // the last use of connection: the close callback may forget it
}

void
ModelTransport::Forget(Connection& connection, bool close)
{
    Detach(connection);
    Ptr<Socket> socket = connection.socket;
    m_connections.erase(PeekPointer(socket));
    CloseQuietly(socket, close);
}

void
ModelTransport::WriteMore(Connection& connection)
{
    const uint32_t size = connection.message->GetSize();
    while (connection.written < size)
    {
        const uint32_t room = connection.socket->GetTxAvailable();
        if (room == 0)
        {
            return; // HandleSendSpace resumes once TCP frees buffer space
        }
        const uint32_t chunk = std::min(room, size - connection.written);
        const int sent =
            connection.socket->Send(connection.message->CreateFragment(connection.written, chunk));
        if (sent <= 0)
        {
            NS_LOG_WARN("node " << m_self << ": send to " << connection.peer << " failed");
            FailTransfer(connection);
            return;
        }
        connection.written += static_cast<uint32_t>(sent);
        connection.handedOver += static_cast<uint32_t>(sent);
    }
}

void
ModelTransport::CompleteIfTransmitted(Connection& connection)
{
    if (!connection.message || connection.written < connection.message->GetSize() ||
        connection.transmitted < connection.messageEnd)
    {
        return;
    }
    const uint32_t size = connection.message->GetSize();
    const Time duration = Simulator::Now() - NanoSeconds(connection.header.sendTimeNs);
    ++m_counters.messagesSent;
    m_counters.bytesSent += size;
    m_transferCompletedTrace(connection.peer, connection.header, size, duration);
    EndTransfer(connection, false);
}

void
ModelTransport::EndTransfer(Connection& connection, bool failed)
{
    if (failed)
    {
        ++m_counters.transfersFailed;
    }
    connection.message = nullptr;
    connection.stallEvent.Cancel();
    Touch(connection);
    --m_inFlight;
    if (failed || connection.peerClosed)
    {
        Retire(connection); // the next transfer to this peer reconnects
    }
    else if (m_idleTimeout.IsStrictlyPositive())
    {
        connection.idleEvent = Simulator::Schedule(m_idleTimeout,
                                                   &ModelTransport::CloseIfIdle,
                                                   this,
                                                   connection.socket);
    }
    Dispatch();
}

void
ModelTransport::FailTransfer(Connection& connection)
{
    NS_LOG_FUNCTION(this << connection.peer);
    if (connection.message)
    {
        EndTransfer(connection, true);
    }
    else
    {
        Retire(connection);
        Dispatch();
    }
}

void
ModelTransport::CloseQuietly(Ptr<Socket> socket, bool close)
{
    // Closing can call the close callbacks at once; they must not re-enter the transport
    // while it forgets this socket.
    socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    socket->SetDataSentCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                              MakeNullCallback<void, Ptr<Socket>>());
    if (close)
    {
        socket->Close();
    }
}

void
ModelTransport::HandleConnected(Ptr<Socket> socket)
{
    Connection* connection = Find(socket);
    if (!connection)
    {
        return;
    }
    NS_LOG_FUNCTION(this << connection->peer);
    connection->connected = true;
    connection->connectEvent.Cancel();
    if (connection->closing)
    {
        socket->Close(); // given up on while connecting (see Retire)
        return;
    }
    m_backoffUntil.erase(connection->peer);
    if (connection->message)
    {
        WriteMore(*connection);
    }
}

void
ModelTransport::HandleConnectionFailed(Ptr<Socket> socket)
{
    if (Connection* connection = Find(socket))
    {
        NS_LOG_WARN("node " << m_self << ": connection to node " << connection->peer << " failed");
        if (connection->closing)
        {
            Forget(*connection, false); // given up on already (see Retire)
            return;
        }
        FailConnection(*connection);
    }
}

void
ModelTransport::ConnectTimedOut(Ptr<Socket> socket)
{
    if (Connection* connection = Find(socket))
    {
        FailConnection(*connection);
    }
}

void
ModelTransport::CheckProgress(Ptr<Socket> socket)
{
    Connection* connection = Find(socket);
    if (!connection || !connection->message)
    {
        return;
    }
    // Still connecting is ConnectTimeout's to judge.
    if (connection->connected && connection->transmitted == connection->transmittedAtCheck)
    {
        NS_LOG_WARN("node " << m_self << ": transfer to node " << connection->peer << " stalled");
        FailConnection(*connection);
        return;
    }
    connection->transmittedAtCheck = connection->transmitted;
    connection->stallEvent =
        Simulator::Schedule(m_stallTimeout, &ModelTransport::CheckProgress, this, socket);
}

void
ModelTransport::FailConnection(Connection& connection)
{
    NS_LOG_FUNCTION(this << connection.peer);
    if (m_peerBackoff.IsStrictlyPositive())
    {
        m_backoffUntil[connection.peer] = Simulator::Now() + m_peerBackoff;
    }
    FailTransfer(connection);
}

void
ModelTransport::HandleSendSpace(Ptr<Socket> socket, uint32_t /* available */)
{
    Connection* connection = Find(socket);
    if (connection && connection->connected && connection->message)
    {
        WriteMore(*connection);
    }
}

void
ModelTransport::HandleDataSent(Ptr<Socket> socket, uint32_t bytes)
{
    if (Connection* connection = Find(socket))
    {
        connection->transmitted += bytes;
        CompleteIfTransmitted(*connection);
    }
}

void
ModelTransport::HandleAccept(Ptr<Socket> socket, const Address& from)
{
    NS_LOG_FUNCTION(this << socket << from);
    uint32_t peer = UINT32_MAX;
    if (InetSocketAddress::IsMatchingType(from))
    {
        auto it = m_peerOfAddress.find(InetSocketAddress::ConvertFrom(from).GetIpv4().Get());
        peer = it == m_peerOfAddress.end() ? UINT32_MAX : it->second;
    }
    Connection& connection = AddConnection(socket, peer);
    connection.connected = true;
    // The peer's connection carries this node's messages to it too, unless this node has its
    // own already (both opened one at once) or its pool is full.
    if (peer != UINT32_MAX && m_connectionTo.find(peer) == m_connectionTo.end() &&
        (m_maxConnections == 0 || m_connectionTo.size() < m_maxConnections))
    {
        Route(connection);
        if (m_idleTimeout.IsStrictlyPositive())
        {
            connection.idleEvent =
                Simulator::Schedule(m_idleTimeout, &ModelTransport::CloseIfIdle, this, socket);
        }
    }
}

void
ModelTransport::HandleRead(Ptr<Socket> socket)
{
    Connection* connection = Find(socket);
    if (!connection)
    {
        return;
    }
    std::vector<ModelMessage> messages;
    bool malformed = false;
    while (Ptr<Packet> packet = socket->Recv())
    {
        if (packet->GetSize() == 0)
        {
            break;
        }
        m_counters.bytesReceived += packet->GetSize();
        if (!connection->reader.Append(packet, messages))
        {
            malformed = true;
            break;
        }
    }
    if (malformed)
    {
        RejectInbound(*connection,
                      connection->reader.GetBufferedBytes(),
                      connection->reader.GetError());
    }
    // Messages completed before the bad bytes are good: deliver them (the callback may
    // send, and so change the connections).
    for (auto& message : messages)
    {
        const auto& header = message.header;
        const uint32_t bytes = DivShareHeader::SERIALIZED_SIZE + header.GetPayloadSize();
        if (!m_receive.IsNull() && !m_receive(header, message.values))
        {
            ++m_counters.messagesMalformed;
            m_counters.bytesMalformed += bytes;
            m_malformedTrace(bytes, "rejected by the receiver");
            continue;
        }
        ++m_counters.messagesReceived;
        m_messageReceivedTrace(header, bytes, Simulator::Now() - NanoSeconds(header.sendTimeNs));
    }
}

void
ModelTransport::RejectInbound(Connection& connection, uint32_t bytes, const std::string& reason)
{
    NS_LOG_WARN("node " << m_self << ": dropping a connection: " << reason);
    ++m_counters.messagesMalformed;
    m_counters.bytesMalformed += bytes;
    m_malformedTrace(bytes, reason);
    if (connection.message)
    {
        ++m_counters.transfersFailed;
        --m_inFlight;
    }
    Forget(connection, true);
    Dispatch();
}

void
ModelTransport::HandlePeerClose(Ptr<Socket> socket)
{
    Closed(socket, true);
}

void
ModelTransport::HandleErrorClose(Ptr<Socket> socket)
{
    Closed(socket, false);
}

void
ModelTransport::Closed(Ptr<Socket> socket, bool peerClosed)
{
    Connection* connection = Find(socket);
    if (!connection)
    {
        return;
    }
    NS_LOG_FUNCTION(this << connection->peer << peerClosed);
    if (connection->reader.GetBufferedBytes() > 0)
    {
        RejectInbound(*connection,
                      connection->reader.GetBufferedBytes(),
                      peerClosed ? "stream closed inside a message"
                                 : "stream reset inside a message");
        return;
    }
    if (!peerClosed || connection->closing)
    {
        // Reset, or both sides closed (TCP ends it): a transfer under way is lost.
        if (connection->message)
        {
            ++m_counters.transfersFailed;
            --m_inFlight;
        }
        Forget(*connection, false);
        Dispatch();
        return;
    }
    // The peer's pool let the connection go: no new transfers on it, and once this node's
    // transfer under way is sent, close this side too, or the socket would stay in
    // CLOSE_WAIT, and in the node's endpoint scan, for the rest of the run.
    connection->peerClosed = true;
    Unroute(*connection);
    if (!connection->message)
    {
        Forget(*connection, true);
    }
    Dispatch();
}

} // namespace ns3
