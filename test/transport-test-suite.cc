/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of the transport layer: the wire format, and model bytes crossing a simulated network.

#include "divshare-test-fixtures.h"

#include "ns3/config.h"
#include "ns3/divshare-header.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-address-generator.h"
#include "ns3/ipv4.h"
#include "ns3/message-codec.h"
#include "ns3/model-transport.h"
#include "ns3/simulator.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/test.h"
#include "ns3/topology-helper.h"
#include "ns3/uinteger.h"

#include <cstring>
#include <functional>
#include <numeric>

using namespace ns3;
using namespace ns3::divshare_tests;

namespace
{

/** A message's bytes as a plain vector. */
std::vector<uint8_t>
BytesOf(Ptr<const Packet> packet)
{
    std::vector<uint8_t> bytes(packet->GetSize());
    packet->CopyData(bytes.data(), bytes.size());
    return bytes;
}

/** A sample message with awkward float values (negative zero, subnormal, NaN payload). */
std::vector<float>
SampleValues(std::size_t n)
{
    std::vector<float> values(n);
    for (std::size_t i = 0; i < n; ++i)
    {
        values[i] = static_cast<float>(i) * 0.37F - 11.0F;
    }
    values[0] = -0.0F;
    values[1] = 1e-40F;
    uint32_t nanBits = 0x7fc01234;
    std::memcpy(&values[2], &nanBits, sizeof(float));
    return values;
}

DivShareHeader
SampleHeader()
{
    DivShareHeader header;
    header.type = DivShareHeader::FRAGMENT;
    header.sender = 3;
    header.iteration = 17;
    header.fragment = 4;
    header.fragments = 10;
    header.sendTimeNs = 123456789;
    return header;
}

/** Feed bytes to a reassembler in chunks of the given size. */
bool
Feed(MessageReassembler& reassembler,
     const std::vector<uint8_t>& bytes,
     std::size_t chunk,
     std::vector<ModelMessage>& out)
{
    for (std::size_t offset = 0; offset < bytes.size(); offset += chunk)
    {
        const std::size_t n = std::min(chunk, bytes.size() - offset);
        if (!reassembler.Append(Create<Packet>(bytes.data() + offset, n), out))
        {
            return false;
        }
    }
    return true;
}

} // namespace

/**
 * \ingroup divshare-tests
 * Header and message round trip, and rejection of corrupted or truncated bytes.
 */
class CodecTestCase : public TestCase
{
  public:
    CodecTestCase()
        : TestCase("message bytes round-trip; corrupted and truncated bytes are rejected")
    {
    }

  private:
    void DoRun() override
    {
        const auto values = SampleValues(1000);
        const auto bytes = BytesOf(EncodeModelMessage(SampleHeader(), values));
        NS_TEST_ASSERT_MSG_EQ(bytes.size(), 40 + 4000, "header + float32 payload");

        // Known answer: a zero header (version 2, type 1, Ω 1) and "123456789abcdefghij" give
        // the CRC-32 that zlib.crc32 computes over the same 36 + 19 bytes.
        DivShareHeader zero;
        const std::string text = "123456789abcdefghij";
        zero.SetChecksumFor(reinterpret_cast<const uint8_t*>(text.data()), text.size());
        NS_TEST_ASSERT_MSG_EQ(zero.checksum, 0xd53ed202U, "standard CRC-32");

        // Header round trip through an ns-3 packet.
        Ptr<Packet> packet = Create<Packet>(bytes.data(), bytes.size());
        DivShareHeader header;
        packet->RemoveHeader(header);
        NS_TEST_ASSERT_MSG_EQ(header.IsWellFormed(), true, "well formed");
        NS_TEST_ASSERT_MSG_EQ(header.sender, 3, "sender");
        NS_TEST_ASSERT_MSG_EQ(header.iteration, 17, "iteration");
        NS_TEST_ASSERT_MSG_EQ(header.fragment, 4, "fragment");
        NS_TEST_ASSERT_MSG_EQ(header.fragments, 10, "fragments");
        NS_TEST_ASSERT_MSG_EQ(header.valueCount, 1000, "value count");
        NS_TEST_ASSERT_MSG_EQ(header.sendTimeNs, 123456789, "send time");

        // Two messages back to back, fed in odd chunk sizes, come out bit-identical.
        std::vector<uint8_t> stream = bytes;
        stream.insert(stream.end(), bytes.begin(), bytes.end());
        for (std::size_t chunk : {1UL, 7UL, 536UL, 1448UL, stream.size()})
        {
            MessageReassembler reassembler;
            std::vector<ModelMessage> out;
            NS_TEST_ASSERT_MSG_EQ(Feed(reassembler, stream, chunk, out), true, "accepted");
            NS_TEST_ASSERT_MSG_EQ(out.size(), 2, "two messages, chunk " << chunk);
            NS_TEST_ASSERT_MSG_EQ(std::memcmp(out[1].values.data(), values.data(), 4000),
                                  0,
                                  "bit-identical values");
            NS_TEST_ASSERT_MSG_EQ(reassembler.GetBufferedBytes(), 0, "nothing left over");
        }

        // Corruption anywhere is caught: magic, version, reserved bytes, fragment id, send
        // time, payload, checksum.
        for (std::size_t offset :
             {0UL, 4UL, 6UL, 7UL, 19UL, 30UL, 39UL, 40UL, 2021UL, bytes.size() - 1})
        {
            auto corrupted = bytes;
            corrupted[offset] ^= 0x20;
            MessageReassembler reassembler;
            std::vector<ModelMessage> out;
            NS_TEST_ASSERT_MSG_EQ(Feed(reassembler, corrupted, 100, out),
                                  false,
                                  "corrupted byte " << offset << " rejected");
            NS_TEST_ASSERT_MSG_EQ(out.size(), 0, "no message from corrupted bytes");
            NS_TEST_ASSERT_MSG_EQ(reassembler.GetError().empty(), false, "error given");
        }

        // A value count that would allocate gigabytes is rejected before any allocation.
        auto huge = bytes;
        huge[24] = 0x7f;
        MessageReassembler hugeReassembler;
        std::vector<ModelMessage> hugeOut;
        NS_TEST_ASSERT_MSG_EQ(Feed(hugeReassembler, huge, 40, hugeOut), false, "huge count");

        // Under the hard cap but more than the receiver expects for that fragment: refused at
        // the header, so the payload is never waited for (nor buffered).
        auto large = bytes;
        large[25] = 0x10; // 2^20 + 1000 values: 4 MiB claimed
        MessageReassembler expecting;
        expecting.SetHeaderCheck([](const DivShareHeader& h) -> std::string {
            return h.valueCount == 1000 ? "" : "unexpected size";
        });
        std::vector<ModelMessage> expectingOut;
        NS_TEST_ASSERT_MSG_EQ(Feed(expecting, large, 1448, expectingOut), false, "unexpected");
        NS_TEST_ASSERT_MSG_EQ(expecting.GetError(), "unexpected size", "the check's reason");
        NS_TEST_ASSERT_MSG_LT_OR_EQ(expecting.GetBufferedBytes(),
                                    bytes.size(),
                                    "no more than what arrived is held");
        MessageReassembler expectingGood;
        expectingGood.SetHeaderCheck([](const DivShareHeader& h) -> std::string {
            return h.valueCount == 1000 ? "" : "unexpected size";
        });
        NS_TEST_ASSERT_MSG_EQ(Feed(expectingGood, bytes, 1448, expectingOut), true, "expected");
        NS_TEST_ASSERT_MSG_EQ(expectingOut.size(), 1, "and decoded");

        // A message with no values (Ω equal to the parameter count can leave one empty).
        DivShareHeader emptyHeader = SampleHeader();
        const auto emptyBytes = BytesOf(EncodeModelMessage(emptyHeader, {}));
        MessageReassembler emptyReassembler;
        std::vector<ModelMessage> emptyOut;
        NS_TEST_ASSERT_MSG_EQ(Feed(emptyReassembler, emptyBytes, 7, emptyOut), true, "empty");
        NS_TEST_ASSERT_MSG_EQ(emptyOut.size(), 1, "empty message decoded");
        NS_TEST_ASSERT_MSG_EQ(emptyOut[0].values.size(), 0, "with no values");

        // Truncated: no message, and the partial bytes are visible to the caller.
        MessageReassembler truncated;
        std::vector<ModelMessage> out;
        std::vector<uint8_t> half(bytes.begin(), bytes.begin() + 2000);
        NS_TEST_ASSERT_MSG_EQ(Feed(truncated, half, 300, out), true, "no error yet");
        NS_TEST_ASSERT_MSG_EQ(out.size(), 0, "no message from half a message");
        NS_TEST_ASSERT_MSG_EQ(truncated.GetBufferedBytes(), 2000, "partial bytes held");
    }
};

/**
 * Three nodes on a star: nodes 0 and 1 at 20 Mbit/s, node 2 at 2 Mbit/s; one transport per
 * node. Records every message received.
 */
class StarFixture
{
  public:
    struct Arrival
    {
        uint32_t receiver;
        DivShareHeader header;
        std::vector<float> values;
        Time at;
    };

    explicit StarFixture(uint32_t maxTransfers = 4)
    {
        Ipv4AddressGenerator::Reset();
        Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1448));
        network = TopologyHelper().Install(NetworkTopology::Star(3,
                                                                 DataRate("20Mbps"),
                                                                 MilliSeconds(1),
                                                                 {{1, DataRate("2Mbps")}}));
        std::vector<Address> peers;
        for (const auto& address : network.addresses)
        {
            peers.emplace_back(InetSocketAddress(address, 7000));
        }
        for (uint32_t i = 0; i < 3; ++i)
        {
            auto transport = CreateObject<ModelTransport>();
            transport->SetAttribute("MaxConcurrentTransfers", UintegerValue(maxTransfers));
            transport->Setup(network.hosts.Get(i), i, peers);
            transport->SetReceiveCallback(MakeCallback(&StarFixture::Receive, this).Bind(i));
            transport->Start();
            transports.push_back(transport);
        }
    }

    ~StarFixture()
    {
        for (auto& transport : transports)
        {
            transport->Dispose();
        }
        Simulator::Destroy();
    }

    bool Receive(uint32_t receiver, const DivShareHeader& header, std::vector<float>& values)
    {
        arrivals.push_back({receiver, header, values, Simulator::Now()});
        return true;
    }

    InstalledTopology network;
    std::vector<Ptr<ModelTransport>> transports;
    std::vector<Arrival> arrivals;
};

/**
 * \ingroup divshare-tests
 * The bytes a node sends arrive bit-identical across the simulated network, and a message
 * over a slow access link takes as long as its rate says.
 */
class NetworkDeliveryTestCase : public TestCase
{
  public:
    NetworkDeliveryTestCase()
        : TestCase("model bytes cross the network bit-identical, at the speed of the links")
    {
    }

  private:
    void DoRun() override
    {
        StarFixture star;
        const auto values = std::make_shared<const std::vector<float>>(SampleValues(100000));
        // Node 0 sends to the fast node 1 first, to the slow node 2 once that is long done.
        Simulator::Schedule(Seconds(0.1), &RunFunction, [&]() {
            star.transports[0]->Enqueue(1, DivShareHeader::FRAGMENT, 1, 0, 1, values);
        });
        Simulator::Schedule(Seconds(5.0), &RunFunction, [&]() {
            star.transports[0]->Enqueue(2, DivShareHeader::FRAGMENT, 2, 0, 1, values);
        });
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(star.arrivals.size(), 2, "both messages arrived");
        const auto& fast = star.arrivals[0];
        const auto& slow = star.arrivals[1];
        NS_TEST_ASSERT_MSG_EQ(fast.receiver, 1, "first to node 1");
        NS_TEST_ASSERT_MSG_EQ(slow.receiver, 2, "then to node 2");
        for (const auto* arrival : {&fast, &slow})
        {
            NS_TEST_ASSERT_MSG_EQ(arrival->header.sender, 0, "sender");
            NS_TEST_ASSERT_MSG_EQ(arrival->values.size(), values->size(), "value count");
            NS_TEST_ASSERT_MSG_EQ(
                std::memcmp(arrival->values.data(), values->data(), values->size() * 4),
                0,
                "bit-identical after crossing the network");
        }

        // 400,040 message bytes in 1448-byte segments, each with 54 bytes of TCP (with
        // timestamps), IP and PPP headers on the wire; plus a connection handshake.
        const double wireBits = 400040.0 * (1448.0 + 54.0) / 1448.0 * 8.0;
        const double fastLatency = (fast.at - Seconds(0.1)).GetSeconds();
        const double slowLatency = (slow.at - Seconds(5.0)).GetSeconds();
        NS_TEST_ASSERT_MSG_EQ_TOL(slowLatency,
                                  wireBits / 2e6,
                                  0.05 * wireBits / 2e6,
                                  "slow link: time = bytes / 2 Mbit/s");
        NS_TEST_ASSERT_MSG_EQ_TOL(fastLatency,
                                  wireBits / 20e6,
                                  0.10 * wireBits / 20e6,
                                  "fast link: time = bytes / 20 Mbit/s");
        NS_TEST_ASSERT_MSG_GT(slowLatency / fastLatency, 8.0, "slow link about 10x slower");

        const auto& sender = star.transports[0]->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(sender.messagesSent, 2, "two transfers completed");
        NS_TEST_ASSERT_MSG_EQ(sender.bytesSent, 2 * 400040, "bytes sent");
        NS_TEST_ASSERT_MSG_EQ(star.transports[2]->GetCounters().bytesReceived, 400040, "received");
    }
};

/**
 * \ingroup divshare-tests
 * The send queue respects the concurrency cap, and a flush drops exactly the messages whose
 * transfer had not started.
 */
class QueueTestCase : public TestCase
{
  public:
    QueueTestCase()
        : TestCase("the send queue honours its concurrency cap and flushes unsent messages")
    {
    }

  private:
    void DoRun() override
    {
        StarFixture star(1);
        uint32_t inFlight = 0;
        uint32_t peak = 0;
        uint32_t started = 0;
        star.transports[0]->TraceConnectWithoutContext("TransferStarted",
                                                       MakeBoundCallback(
                                                           +[](uint32_t* n,
                                                               uint32_t* top,
                                                               uint32_t* s,
                                                               uint32_t,
                                                               const DivShareHeader&,
                                                               Time) {
                                                               *top = std::max(*top, ++*n);
                                                               ++*s;
                                                           },
                                                           &inFlight,
                                                           &peak,
                                                           &started));
        star.transports[0]->TraceConnectWithoutContext(
            "TransferCompleted",
            MakeCallback(+[](uint32_t* n, uint32_t, const DivShareHeader&, uint32_t, Time) {
                --*n;
            }).Bind(&inFlight));

        const auto values = std::make_shared<const std::vector<float>>(SampleValues(20000));
        uint32_t flushed = 0;
        Simulator::Schedule(Seconds(0.1), &RunFunction, [&]() {
            for (uint32_t i = 0; i < 6; ++i)
            {
                star.transports[0]->Enqueue(1 + i % 2, DivShareHeader::FRAGMENT, 1, i, 6, values);
            }
        });
        // 80 KB at 20 Mbit/s take ~35 ms each: at 0.15 s two have been sent, one is under way.
        Simulator::Schedule(Seconds(0.15), &RunFunction, [&]() {
            flushed = star.transports[0]->Flush();
        });
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        const auto& counters = star.transports[0]->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(peak, 1, "never more transfers than the cap");
        NS_TEST_ASSERT_MSG_GT(flushed, 0, "some messages were still queued");
        NS_TEST_ASSERT_MSG_EQ(flushed + started, 6, "flushed = queued - started");
        NS_TEST_ASSERT_MSG_EQ(counters.messagesFlushed, flushed, "flush counted");
        NS_TEST_ASSERT_MSG_EQ(counters.messagesSent, started, "every started transfer completed");
        NS_TEST_ASSERT_MSG_EQ(star.arrivals.size(), started, "and arrived");
    }
};

/**
 * \ingroup divshare-tests
 * Back-to-back messages to one peer go at the link's rate: a transfer slot is freed when TCP
 * has transmitted the message, not after the receiver's delayed ACK (200 ms in ns-3).
 */
class BackToBackTestCase : public TestCase
{
  public:
    BackToBackTestCase()
        : TestCase("back-to-back messages to one peer keep the link busy")
    {
    }

  private:
    void DoRun() override
    {
        StarFixture star(1);
        const auto values = std::make_shared<const std::vector<float>>(SampleValues(9000));
        Simulator::Schedule(Seconds(0.1), &RunFunction, [&]() {
            for (uint32_t i = 0; i < 20; ++i)
            {
                star.transports[0]->Enqueue(1, DivShareHeader::FRAGMENT, i, 0, 1, values);
            }
        });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(star.arrivals.size(), 20, "all messages arrived");
        // 20 x 36,040 bytes with TCP/IP/PPP headers at 20 Mbit/s: 0.30 s on the wire.
        const double wire = 20 * 36040.0 * (1448.0 + 54.0) / 1448.0 * 8.0 / 20e6;
        const double took = (star.arrivals.back().at - Seconds(0.1)).GetSeconds();
        NS_TEST_ASSERT_MSG_LT(took, 1.3 * wire, "the link stays busy: no per-message ACK wait");
        NS_TEST_ASSERT_MSG_GT(took, wire, "and no faster than the link");
    }
};

/**
 * \ingroup divshare-tests
 * Garbage, corrupted and truncated streams from a raw TCP socket are counted and dropped;
 * the receiver goes on accepting good messages.
 */
class MalformedStreamTestCase : public TestCase
{
  public:
    MalformedStreamTestCase()
        : TestCase("malformed, corrupted and truncated streams are counted and dropped")
    {
    }

  private:
    /** Connect a raw socket from node 1 to node 0's transport and send bytes, then close. */
    static void SendRaw(StarFixture* star, std::vector<uint8_t> bytes, bool close)
    {
        Ptr<Socket> socket =
            Socket::CreateSocket(star->network.hosts.Get(1), TcpSocketFactory::GetTypeId());
        socket->Bind();
        socket->Connect(InetSocketAddress(star->network.addresses[0], 7000));
        socket->SetConnectCallback(MakeBoundCallback(
                                       +[](std::vector<uint8_t> b, bool c, Ptr<Socket> s) {
                                           s->Send(Create<Packet>(b.data(), b.size()));
                                           if (c)
                                           {
                                               s->Close();
                                           }
                                       },
                                       bytes,
                                       close),
                                   MakeNullCallback<void, Ptr<Socket>>());
    }

    void DoRun() override
    {
        StarFixture star;
        const auto values = SampleValues(5000);
        const auto good = BytesOf(EncodeModelMessage(SampleHeader(), values));
        std::vector<uint8_t> garbage(300, 0xAB);
        auto corrupted = good;
        corrupted[1000] ^= 1;
        std::vector<uint8_t> truncated(good.begin(), good.begin() + good.size() / 2);

        // A good message and garbage in one send: the message is delivered, then the stream
        // is dropped.
        DivShareHeader fromOne = SampleHeader();
        fromOne.sender = 1; // the raw socket's node
        auto goodThenGarbage = BytesOf(EncodeModelMessage(fromOne, values));
        goodThenGarbage.insert(goodThenGarbage.end(), garbage.begin(), garbage.end());
        Simulator::Schedule(Seconds(0.05), &SendRaw, &star, goodThenGarbage, false);
        Simulator::Schedule(Seconds(0.1), &SendRaw, &star, garbage, false);
        Simulator::Schedule(Seconds(0.2), &SendRaw, &star, corrupted, false);
        Simulator::Schedule(Seconds(0.3), &SendRaw, &star, truncated, true);
        // A well-behaved peer is still heard afterwards.
        const auto shared = std::make_shared<const std::vector<float>>(values);
        Simulator::Schedule(Seconds(1.0), &RunFunction, [&]() {
            star.transports[2]->Enqueue(0, DivShareHeader::FRAGMENT, 1, 0, 1, shared);
        });
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        const auto& counters = star.transports[0]->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(counters.messagesMalformed, 4, "four bad streams counted");
        NS_TEST_ASSERT_MSG_EQ(counters.messagesReceived, 2, "the good messages accepted");
        NS_TEST_ASSERT_MSG_EQ(star.arrivals.size(), 2, "only the good messages delivered");
        NS_TEST_ASSERT_MSG_EQ(star.arrivals[0].header.sender, 1, "the one before the garbage");
        NS_TEST_ASSERT_MSG_EQ(star.arrivals[1].header.sender, 2, "from node 2");
    }
};

/**
 * \ingroup divshare-tests
 * A peer that cannot be reached costs its own messages only: with one transfer slot, a
 * message to a node whose interface is down holds the slot for ConnectTimeout, then fails;
 * messages for it are dropped while it is in backoff, and the reachable peer gets its
 * messages. Without the timeout the slot is held while TCP retries its SYN.
 */
class UnreachablePeerTestCase : public TestCase
{
  public:
    UnreachablePeerTestCase()
        : TestCase("an unreachable peer fails after ConnectTimeout and costs its own messages")
    {
    }

  private:
    struct Outcome
    {
        TrafficCounters counters;
        uint32_t delivered{0};
        Time firstDelivery;
    };

    static Outcome Run(Time connectTimeout)
    {
        StarFixture star(1);
        star.transports[0]->SetAttribute("ConnectTimeout", TimeValue(connectTimeout));
        star.transports[0]->SetAttribute("PeerBackoff", TimeValue(Seconds(5)));
        // Node 2 vanishes: its only interface goes down, so SYNs to it go unanswered.
        star.network.hosts.Get(2)->GetObject<Ipv4>()->SetDown(1);
        const auto values = std::make_shared<const std::vector<float>>(SampleValues(1000));
        // Node 2 first, then node 1 every half second, and node 2 again during its backoff.
        for (uint32_t i = 0; i < 8; ++i)
        {
            Simulator::Schedule(Seconds(0.1 + 0.5 * i), &RunFunction, [&star, values, i]() {
                if (i % 4 == 0)
                {
                    star.transports[0]->Enqueue(2, DivShareHeader::FRAGMENT, 1, i, 8, values);
                }
                star.transports[0]->Enqueue(1, DivShareHeader::FRAGMENT, 1, i, 8, values);
            });
        }
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        Outcome outcome;
        outcome.counters = star.transports[0]->GetCounters();
        outcome.delivered = static_cast<uint32_t>(star.arrivals.size());
        outcome.firstDelivery = star.arrivals.empty() ? Seconds(0) : star.arrivals[0].at;
        return outcome;
    }

    void DoRun() override
    {
        const Outcome timed = Run(Seconds(1));
        NS_TEST_ASSERT_MSG_EQ(timed.counters.transfersFailed, 1, "the first transfer to node 2");
        NS_TEST_ASSERT_MSG_EQ(timed.counters.messagesUnreachable, 1, "the second, in backoff");
        NS_TEST_ASSERT_MSG_EQ(timed.delivered, 8, "every message to node 1 arrives");
        NS_TEST_ASSERT_MSG_EQ_TOL(timed.firstDelivery.GetSeconds(),
                                  1.1,
                                  0.05,
                                  "after the one-second timeout released the slot");

        const Outcome waiting = Run(Seconds(0));
        NS_TEST_ASSERT_MSG_EQ(waiting.counters.transfersFailed, 0, "TCP still retries the SYN");
        NS_TEST_ASSERT_MSG_EQ(waiting.delivered, 0, "the one slot stays taken");

        // A peer that vanishes after its connection was made: the transfer stalls, and fails
        // after StallTimeout; the other peer's messages then go through.
        StarFixture star(1);
        star.transports[0]->SetAttribute("StallTimeout", TimeValue(Seconds(1)));
        const auto values = std::make_shared<const std::vector<float>>(SampleValues(50000));
        Simulator::Schedule(Seconds(0.1), &RunFunction, [&]() {
            star.transports[0]->Enqueue(2, DivShareHeader::FRAGMENT, 1, 0, 2, values);
        });
        Simulator::Schedule(Seconds(1.0), &RunFunction, [&]() {
            // 200 kB at 2 Mbit/s take 0.8 s: the first message is in, the second on its way.
            star.network.hosts.Get(2)->GetObject<Ipv4>()->SetDown(1);
        });
        Simulator::Schedule(Seconds(0.95), &RunFunction, [&]() {
            star.transports[0]->Enqueue(2, DivShareHeader::FRAGMENT, 2, 1, 2, values);
            star.transports[0]->Enqueue(1, DivShareHeader::FRAGMENT, 2, 1, 2, values);
        });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        const auto& counters = star.transports[0]->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(counters.transfersFailed, 1, "the stalled transfer failed");
        const auto toOne =
            std::count_if(star.arrivals.begin(),
                          star.arrivals.end(),
                          [](const StarFixture::Arrival& a) { return a.receiver == 1; });
        NS_TEST_ASSERT_MSG_EQ(toOne, 1, "node 1 got its message");
    }
};

/**
 * \ingroup divshare-tests
 * The transport-layer test suite.
 */
class DivShareTransportTestSuite : public TestSuite
{
  public:
    DivShareTransportTestSuite()
        : TestSuite("divshare-transport")
    {
        AddTestCase(new CodecTestCase);
        AddTestCase(new NetworkDeliveryTestCase);
        AddTestCase(new QueueTestCase);
        AddTestCase(new BackToBackTestCase);
        AddTestCase(new MalformedStreamTestCase);
        AddTestCase(new UnreachablePeerTestCase);
    }
};

/// Static instance that registers the suite.
static DivShareTransportTestSuite g_divshareTransportTestSuite;
