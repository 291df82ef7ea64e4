/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of Wi-Fi access: topology file lines, their checks, and the radio's physics as the
// oracle (goodput near the PHY's, shared airtime, range).

#include "divshare-test-fixtures.h"

#include "ns3/bulk-send-helper.h"
#include "ns3/config.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-address-generator.h"
#include "ns3/mobility-model.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/topology-file-reader.h"
#include "ns3/topology-helper.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-access-helper.h"
#include "ns3/wifi-tracer.h"

#include <algorithm>
#include <memory>
#include <sstream>
#include <vector>

using namespace ns3;
using namespace ns3::divshare_tests;

namespace
{

/** Parse \p text as a topology file named "wifi.topo". */
NetworkTopology
Parse(const std::string& text)
{
    std::istringstream in(text);
    return TopologyFileReader::Parse(in, "wifi.topo").topology;
}

/** The message of the error reading (and checking) \p text throws, or "". */
std::string
ReadError(const std::string& text)
{
    try
    {
        WifiAccessHelper::Check(Parse(text));
    }
    catch (const std::invalid_argument& error)
    {
        return error.what();
    }
    return "";
}

/** A wired core, one Wi-Fi cell and a wired host "w" that the stations send to. */
const std::string kCell = "router core\n"
                          "host w core rate=1Gbps delay=1ms\n"
                          "wifi ap core rate=1Gbps delay=1ms\n";

/**
 * Bulk TCP transfers from the given stations to host w, from 0.5 s on; the bytes each
 * delivered in [from, to].
 * \param text the topology (kCell and stations)
 * \param senders learning nodes that send
 * \param from start of the measured window
 * \param to end of the measured window (the run's end)
 * \param before runs once the network is installed (e.g. to schedule a move)
 */
std::vector<double>
Goodputs(const std::string& text,
         const std::vector<uint32_t>& senders,
         Time from,
         Time to,
         std::function<void(const NetworkTopology&, const InstalledTopology&)> before = {})
{
    const auto topology = Parse(text);
    // Full-size segments, as experiments set them (NetworkComponent's TcpSegmentSize); the
    // process-wide default is restored for the other tests.
    TypeId::AttributeInformation segment;
    TypeId::LookupByName("ns3::TcpSocket").LookupAttributeByName("SegmentSize", &segment);
    const Ptr<const AttributeValue> previous = segment.initialValue;
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1448));
    Ipv4AddressGenerator::Reset();
    const auto installed = TopologyHelper().Install(topology);
    if (before)
    {
        before(topology, installed);
    }
    std::vector<Ptr<PacketSink>> sinks;
    for (std::size_t k = 0; k < senders.size(); ++k)
    {
        const uint16_t port = 5000 + k;
        PacketSinkHelper sink("ns3::TcpSocketFactory",
                              InetSocketAddress(Ipv4Address::GetAny(), port));
        sinks.push_back(DynamicCast<PacketSink>(sink.Install(installed.hosts.Get(0)).Get(0)));
        BulkSendHelper bulk("ns3::TcpSocketFactory",
                            InetSocketAddress(installed.addresses[0], port));
        bulk.Install(installed.hosts.Get(senders[k])).Start(Seconds(0.5));
    }
    std::vector<uint64_t> atStart(senders.size());
    Simulator::Schedule(from, &RunFunction, std::function<void()>([&] {
                            for (std::size_t k = 0; k < sinks.size(); ++k)
                            {
                                atStart[k] = sinks[k]->GetTotalRx();
                            }
                        }));
    Simulator::Stop(to);
    Simulator::Run();
    std::vector<double> goodputs;
    for (std::size_t k = 0; k < sinks.size(); ++k)
    {
        goodputs.push_back((sinks[k]->GetTotalRx() - atStart[k]) * 8.0 / (to - from).GetSeconds());
    }
    Simulator::Destroy();
    Config::SetDefault("ns3::TcpSocket::SegmentSize", *previous);
    return goodputs;
}

} // namespace

/**
 * \ingroup divshare-tests
 * wifi, station and stations lines become cells and stations; every mistake is refused with
 * the file:line, the value and the fix.
 */
class WifiFileTestCase : public TestCase
{
  public:
    WifiFileTestCase()
        : TestCase("wifi and station lines make cells of stations; mistakes are refused")
    {
    }

  private:
    void Expect(const std::string& text, const std::vector<std::string>& parts)
    {
        const auto error = ReadError(text);
        for (const auto& part : parts)
        {
            NS_TEST_EXPECT_MSG_EQ(Contains(error, part),
                                  true,
                                  "expected '" << part << "' in: '" << error << "'");
        }
    }

    void DoRun() override
    {
        const auto t = Parse(kCell + "wifi ap2 core rate=100Mbps delay=2ms standard=ac "
                                     "width=80 channel=42 x=50 exponent=3.5\n"
                                     "stations s 4 ap radius=10\n"
                                     "station far ap2 x=30 y=40 speed=1.5 bounds=60\n");
        NS_TEST_ASSERT_MSG_EQ(t.cells.size(), 2, "two cells");
        NS_TEST_ASSERT_MSG_EQ(t.routers.size(), 3, "each AP a router");
        NS_TEST_ASSERT_MSG_EQ(t.links.size(), 2, "each AP wired to core");
        NS_TEST_ASSERT_MSG_EQ(t.links[1].rateAtoB.GetBitRate(), 100000000, "ap2's wire");
        NS_TEST_ASSERT_MSG_EQ(t.cells[0].standard, "ax", "802.11ax by default");
        NS_TEST_ASSERT_MSG_EQ(t.cells[0].band, "5GHz", "in the 5 GHz band");
        NS_TEST_ASSERT_MSG_EQ(t.cells[0].manager, "ideal", "ideal rate control");
        NS_TEST_ASSERT_MSG_EQ(t.cells[1].width, 80, "width");
        NS_TEST_ASSERT_MSG_EQ(t.cells[1].position.x, 50, "AP placed");
        NS_TEST_ASSERT_MSG_EQ(t.cells[1].origin, "wifi.topo:4", "origin");
        NS_TEST_ASSERT_MSG_EQ(t.hosts.size(), 6, "w, 4 stations and far");
        NS_TEST_ASSERT_MSG_EQ(t.hosts[0].wifi.has_value(), false, "w is wired");
        NS_TEST_ASSERT_MSG_EQ(t.hosts[3].wifi->cell, 0, "s2 in ap's cell");
        NS_TEST_ASSERT_MSG_EQ_TOL(t.hosts[3].wifi->offset.x, -10, 1e-9, "on the circle");
        NS_TEST_ASSERT_MSG_EQ(t.hosts[5].wifi->speed, 1.5, "walks");
        NS_TEST_ASSERT_MSG_EQ(t.hosts[5].router, t.cells[1].router, "behind its AP");
        NS_TEST_ASSERT_MSG_EQ(ReadError(kCell + "station a ap\n"), "", "a valid cell");

        Expect(kCell + "station a ap bounds=20\n", {"wifi.topo:4", "bounds is for a moving"});
        Expect(kCell + "station a ap speed=1 pause=2\n", {"pause is for mobility=waypoint"});
        Expect(kCell + "station a ap speed=1 mobility=fly\n",
               {"bad mobility 'fly'", "walk, waypoint"});
        Expect(kCell + "wifi ap3 core rate=1Gbps delay=1ms standard=ad\n",
               {"wifi.topo:4", "standard 'ad'", "ax, ac, n"});
        Expect(kCell + "station a nowhere\n",
               {"wifi.topo:4", "'nowhere' is no Wi-Fi access point"});
        Expect(kCell + "station a core\n", {"'core' is no Wi-Fi access point"});
        Expect(kCell + "station a ap x=far\n", {"wifi.topo:4", "bad x 'far'"});
        Expect(kCell + "stations a 0 ap\n", {"wifi.topo:4", "bad COUNT '0'"});
        Expect(kCell + "station a ap speed=2 x=40 bounds=30\n",
               {"wifi.topo:4", "outside its walk's bounds"});
        Expect(kCell + "wifi b core rate=1Gbps delay=1ms manager=constant\n",
               {"wifi.topo:4", "mode=HeMcs0..HeMcs11"});
        Expect(kCell + "wifi b core rate=1Gbps delay=1ms standard=ac manager=constant "
                       "mode=HeMcs3\n",
               {"bad mode 'HeMcs3'", "VhtMcs0..VhtMcs9"});
        Expect(kCell + "wifi b core rate=1Gbps delay=1ms mode=HeMcs3\n",
               {"mode is for manager=constant"});
        Expect(kCell + "wifi b core delay=1ms\n", {"wifi.topo:4", "missing rate"});
        Expect(kCell + "wifi b core rate=1Gbps delay=1ms ssid=x\n", {"unknown option 'ssid'"});
        Expect(kCell + "wifi b core rate=1Gbps delay=1ms rts=70000\n", {"bad rts '70000'"});
        Expect(kCell + "wifi b core rate=1Gbps delay=1ms rts=1.5\n", {"bad rts '1.5'", "whole"});
        Expect(kCell + "wifi b core rate=1Gbps delay=1ms manager=constant mode=HeMcs07\n",
               {"bad mode 'HeMcs07'"});
        NS_TEST_ASSERT_MSG_EQ(Parse(kCell + "wifi b core rate=1Gbps delay=1ms rts=0\n"
                                            "station a b\n")
                                  .cells[1]
                                  .rtsThreshold.value_or(1),
                              0,
                              "rts=0: RTS/CTS before every frame");
        // Checked against ns-3's channel table and the standards' rules.
        Expect(kCell + "wifi b core rate=1Gbps delay=1ms channel=37\nstation a b\n",
               {"wifi.topo:4", "no channel 37 of 20 MHz", "channel=36"});
        Expect(kCell + "wifi b core rate=1Gbps delay=1ms width=80 channel=36\nstation a b\n",
               {"no channel 36 of 80 MHz"});
        Expect(kCell + "wifi b core rate=1Gbps delay=1ms standard=ac band=2.4GHz\nstation a b\n",
               {"wifi.topo:4", "802.11ac runs in the 5GHz band only"});
        Expect(kCell + "wifi b core rate=1Gbps delay=1ms standard=n width=80\nstation a b\n",
               {"802.11n channels are 20 or 40 MHz"});
        // Out of range at the start: it would never associate.
        const double range = WifiAccessHelper::Range(Parse(kCell + "station a ap\n").cells[0], 0);
        // -82 dBm (preamble detection) from 16 dBm with 46.7 dB at 1 m and exponent 3: 51 m.
        NS_TEST_ASSERT_MSG_EQ_TOL(range, 51.5, 1, "5 GHz channel 36, exponent 3");
        Expect(kCell + "station a ap x=" + std::to_string(range * 1.1) + "\n",
               {"wifi.topo:4", "station a starts", "out of its range", "place it closer"});
    }
};

/**
 * \ingroup divshare-tests
 * One station next to its AP gets a TCP goodput within a band of what the PHY allows: an
 * 802.11ax station on 20 MHz, one spatial stream, with ns-3's default HE guard interval of
 * 3.2 us, reaches HE-MCS 11 at 121.9 Mbit/s; with preambles, contention, block acks, ns-3's
 * default A-MPDU limit (65,535 bytes) and TCP's acks on the same channel, ns-3 delivers 72%
 * of it as TCP goodput (88 Mbit/s measured, 1,448-byte segments; buffers of 0.13-4 MB change
 * it by under 3%): the band is 60-85%.
 */
class WifiGoodputTestCase : public TestCase
{
  public:
    WifiGoodputTestCase()
        : TestCase("a station next to its AP reaches a TCP goodput near its PHY rate; two "
                   "stations share the airtime")
    {
    }

  private:
    void DoRun() override
    {
        const double phy = 121.875e6; // HE-MCS 11, 20 MHz, 1 stream, ns-3's 3.2 us guard

        const auto one = Goodputs(kCell + "station a ap x=1\n", {1}, Seconds(1.5), Seconds(3.5));
        NS_TEST_ASSERT_MSG_GT(one[0], 0.6 * phy, "goodput above 60% of HE-MCS 11");
        NS_TEST_ASSERT_MSG_LT(one[0], 0.85 * phy, "and below 85%: the MAC's overhead");

        // wifi.csv's view of it: HE-MCS 11 at its PHY rate, and a busy channel.
        std::unique_ptr<WifiTracer> tracer;
        Goodputs(kCell + "station a ap x=1\n",
                 {1},
                 Seconds(1.5),
                 Seconds(3.5),
                 [&tracer](const NetworkTopology& topology, const InstalledTopology& installed) {
                     tracer = std::make_unique<WifiTracer>(topology, installed, Seconds(0.5));
                     tracer->Start(Seconds(3.5));
                 });
        NS_TEST_ASSERT_MSG_EQ(tracer->GetDevices().size(), 2, "the AP and its station");
        NS_TEST_ASSERT_MSG_EQ(tracer->GetDevices()[0].ap, true, "the AP first");
        uint64_t bytes = 0;
        double seconds = 0;
        for (const auto& sample : tracer->GetSamples())
        {
            if (sample.time > 1.5 && sample.device == 1)
            {
                NS_TEST_ASSERT_MSG_EQ(sample.mcs, 11, "HE-MCS 11 next to the AP");
                NS_TEST_ASSERT_MSG_EQ_TOL(sample.rateBps, phy, 0.1e6, "at its PHY rate");
                bytes += sample.bytes;
                seconds += 0.5;
                NS_TEST_ASSERT_MSG_GT(sample.txSeconds, 0.25, "the station sends most of the time");
            }
            if (sample.time > 1.5 && sample.device == 0)
            {
                const double occupied = sample.txSeconds + sample.rxSeconds + sample.busySeconds;
                NS_TEST_ASSERT_MSG_GT(occupied, 0.45, "the channel is busy over 90% of 0.5 s");
                NS_TEST_ASSERT_MSG_LT(occupied, 0.51, "and at most all of it");
            }
        }
        // The radio carries the goodput, headers (7%) and what TCP sends again.
        NS_TEST_ASSERT_MSG_GT(bytes * 8 / seconds, one[0] * 1.07, "radio bytes: goodput and more");
        NS_TEST_ASSERT_MSG_LT(bytes * 8 / seconds, one[0] * 1.3, "but not much more");

        // Two stations of one BSS share the channel: each gets about half.
        const auto two = Goodputs(kCell + "station a ap x=1\nstation b ap y=1\n",
                                  {1, 2},
                                  Seconds(1.5),
                                  Seconds(3.5));
        NS_TEST_ASSERT_MSG_EQ_TOL(two[0] + two[1], one[0], 0.15 * one[0], "the same airtime");
        NS_TEST_ASSERT_MSG_EQ_TOL(two[0], two[1], 0.3 * (two[0] + two[1]) / 2, "shared fairly");

        // A station 45 m away (of a 51 m range) gets a lower MCS: less goodput, but a link.
        const auto far = Goodputs(kCell + "station a ap x=45\n", {1}, Seconds(1.5), Seconds(3.5));
        NS_TEST_ASSERT_MSG_LT(far[0], 0.7 * one[0], "farther: a lower rate");
        NS_TEST_ASSERT_MSG_GT(far[0], 1e6, "but a working link");
    }
};

/**
 * \ingroup divshare-tests
 * A station moved out of range stops delivering; the other station of its cell goes on.
 */
class WifiRangeTestCase : public TestCase
{
  public:
    WifiRangeTestCase()
        : TestCase("a station moved out of range stops delivering; the others continue")
    {
    }

  private:
    void DoRun() override
    {
        const auto moved = Goodputs(kCell + "station a ap x=1\nstation b ap y=1\n",
                                    {1, 2},
                                    Seconds(2.5),
                                    Seconds(4),
                                    [](const NetworkTopology&, const InstalledTopology& installed) {
                                        auto mobility =
                                            installed.hosts.Get(1)->GetObject<MobilityModel>();
                                        Simulator::Schedule(Seconds(2),
                                                            &MobilityModel::SetPosition,
                                                            mobility,
                                                            Vector(2000, 0, 0));
                                    });
        NS_TEST_ASSERT_MSG_EQ(moved[0], 0, "out of range: nothing arrives");
        NS_TEST_ASSERT_MSG_GT(moved[1], 50e6, "the other station has the channel to itself");
    }
};

/**
 * \ingroup divshare-tests
 * Walking stations move at their speed and stay within their bounds, by random walk and by
 * random waypoints; standing ones stay where they were placed.
 */
class WifiMobilityTestCase : public TestCase
{
  public:
    WifiMobilityTestCase()
        : TestCase("walking stations move at their speed within their bounds")
    {
    }

  private:
    void DoRun() override
    {
        const auto topology =
            Parse(kCell + "wifi ap2 core rate=1Gbps delay=1ms x=100 y=50\n"
                          "station still ap2 x=3 y=4\n"
                          "station walker ap2 speed=2 bounds=10\n"
                          "station visitor ap2 speed=3 mobility=waypoint bounds=20 pause=1\n");
        NS_TEST_ASSERT_MSG_EQ(topology.hosts[3].wifi->waypoints, true, "waypoints");
        Ipv4AddressGenerator::Reset();
        const auto installed = TopologyHelper().Install(topology);
        std::vector<Vector> start;
        std::vector<double> farthest(4, 0);
        std::vector<double> travelled(4, 0);
        std::vector<Vector> last;
        NS_TEST_ASSERT_MSG_EQ(installed.hosts.Get(0)->GetObject<MobilityModel>(),
                              nullptr,
                              "a wired host has no position");
        start.emplace_back();
        for (uint32_t i = 1; i < 4; ++i)
        {
            start.push_back(installed.hosts.Get(i)->GetObject<MobilityModel>()->GetPosition());
        }
        last = start;
        const Vector ap(100, 50, 0);
        for (int k = 1; k <= 200; ++k)
        {
            Simulator::Schedule(
                MilliSeconds(100 * k),
                &RunFunction,
                std::function<void()>([&] {
                    for (uint32_t i = 1; i < 4; ++i)
                    {
                        const auto at =
                            installed.hosts.Get(i)->GetObject<MobilityModel>()->GetPosition();
                        farthest[i] =
                            std::max({farthest[i], std::abs(at.x - ap.x), std::abs(at.y - ap.y)});
                        travelled[i] += CalculateDistance(at, last[i]);
                        last[i] = at;
                    }
                }));
        }
        Simulator::Stop(Seconds(20.05));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(start[1].x, 103, "placed relative to its AP");
        NS_TEST_ASSERT_MSG_EQ(start[1].y, 54, "placed relative to its AP");
        NS_TEST_ASSERT_MSG_EQ(travelled[1], 0, "a station without speed stays");
        NS_TEST_ASSERT_MSG_EQ_TOL(travelled[2], 40, 2, "2 m/s for 20 s");
        NS_TEST_ASSERT_MSG_LT_OR_EQ(farthest[2], 10 + 1e-9, "within 10 m of the AP");
        // 3 m/s between waypoints, resting 1 s at each: less than 60 m, more than half.
        NS_TEST_ASSERT_MSG_GT(travelled[3], 30, "the visitor moves");
        NS_TEST_ASSERT_MSG_LT(travelled[3], 60 + 1e-9, "at most at its speed");
        NS_TEST_ASSERT_MSG_LT_OR_EQ(farthest[3], 20 + 1e-9, "within 20 m of the AP");
        Simulator::Destroy();
    }
};

/**
 * \ingroup divshare-tests
 * Wi-Fi access: cells of stations from topology files, checked, built and measured.
 */
class WifiTestSuite : public TestSuite
{
  public:
    WifiTestSuite()
        : TestSuite("divshare-wifi")
    {
        if (!WifiAccessHelper::Unavailable().empty())
        {
            return; // an ns-3 tree built without its wifi module refuses cells (one line)
        }
        AddTestCase(new WifiFileTestCase);
        AddTestCase(new WifiGoodputTestCase);
        AddTestCase(new WifiRangeTestCase);
        AddTestCase(new WifiMobilityTestCase);
    }
};

/** Static instance. */
static WifiTestSuite g_wifiTestSuite;
