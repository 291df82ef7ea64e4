/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of topology files, the Kollaps importer, network options and congestion traces.

#include "../helper/common/name-list.h"
#include "../helper/common/topology-units.h"
#include "divshare-test-fixtures.h"

#include "ns3/channel.h"
#include "ns3/config.h"
#include "ns3/congestion-tracer.h"
#include "ns3/cross-traffic-helper.h"
#include "ns3/error-model.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-address-generator.h"
#include "ns3/ipv4-list-routing.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-subnet-routing.h"
#include "ns3/jitter-channel.h"
#include "ns3/kollaps-reader.h"
#include "ns3/learning-monitor.h"
#include "ns3/model-transport.h"
#include "ns3/network-dynamics.h"
#include "ns3/network-options.h"
#include "ns3/node-list.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/topology-file-reader.h"
#include "ns3/topology-helper.h"
#include "ns3/topology-partition.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

using namespace ns3;
using namespace ns3::divshare_tests;

namespace
{

/** The reference straggler topology, as the reference repository writes it. */
std::string
StragglerKollaps()
{
    std::ostringstream xml;
    xml << "<?xml version=\"1.0\" ?>\n<experiment boot=\"kollaps:2.0\">\n<services>\n"
        << "<service name=\"dashboard\" image=\"kollaps/dashboard:1.0\" supervisor=\"true\" "
           "port=\"8088\"/>\n"
        << "<service name=\"fastWorker\" image=\"kollaps/dp:1.0\" replicas=\"53\"/>\n";
    for (int i = 0; i < 7; ++i)
    {
        xml << "<service name=\"slowWorker" << i
            << "\" image=\"kollaps/dp:1.0\" replicas=\"1\"/>\n";
    }
    xml << "</services>\n<bridges>\n<bridge name=\"switch\"/>\n</bridges>\n<links>\n"
        << "<link origin=\"fastWorker\" dest=\"switch\" latency=\"1\" upload=\"60Mbps\" "
           "download=\"60Mbps\" drop=\"0\" network=\"kollaps_network\"/>\n";
    const char* rates[] = {"12Mbps", "12Mbps", "12Mbps", "13Mbps", "10Mbps", "13Mbps", "11Mbps"};
    for (int i = 0; i < 7; ++i)
    {
        xml << "<link origin=\"slowWorker" << i << "\" dest=\"switch\" latency=\"1\" upload=\""
            << rates[i] << "\" download=\"" << rates[i] << "\" drop=\"0\"/>\n";
    }
    xml << "</links>\n</experiment>\n";
    return xml.str();
}

/** The reference data, when this checkout sits beside it. */
std::string
ReferenceFile(const std::string& name)
{
    for (const std::string dir : {"../shared/data/topologies/",
                                  "../../shared/data/topologies/",
                                  "/work/shared/data/topologies/"})
    {
        if (std::filesystem::exists(dir + name))
        {
            return dir + name;
        }
    }
    return "";
}

/** The message of the exception parsing \p text throws, or "" when it parses. */
template <typename F>
std::string
ErrorOf(F parse)
{
    try
    {
        parse();
    }
    catch (const std::exception& error)
    {
        return error.what();
    }
    return "";
}

std::string
TopologyError(const std::string& text)
{
    return ErrorOf([&]() {
        std::istringstream in(text);
        TopologyFileReader::Parse(in, "bad.topo");
    });
}

std::string
KollapsError(const std::string& text)
{
    return ErrorOf([&]() {
        std::istringstream in(text);
        KollapsReader::Parse(in, "bad.xml");
    });
}

uint64_t
RateOf(Ptr<PointToPointNetDevice> device)
{
    DataRateValue rate;
    device->GetAttribute("DataRate", rate);
    return rate.Get().GetBitRate();
}

} // namespace

/** A test of error messages: each must name where and what. */
class ErrorsTestCase : public TestCase
{
  protected:
    explicit ErrorsTestCase(const std::string& name)
        : TestCase(name)
    {
    }

    /** Expect \p error to contain both \p where and \p what. */
    void Expect(const std::string& error, const std::string& where, const std::string& what)
    {
        NS_TEST_EXPECT_MSG_EQ(Contains(error, where) && Contains(error, what),
                              true,
                              "expected '" << where << "' and '" << what << "' in: " << error);
    }
};

/**
 * \ingroup divshare-tests
 * Rates, delays and queue sizes parse strictly, with the unit rules topology files document.
 */
class UnitsTestCase : public TestCase
{
  public:
    UnitsTestCase()
        : TestCase("rates, delays, queue sizes parse strictly, in any letter case")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(ParseRate("60Mbps").GetBitRate(), 60000000, "Mbps");
        NS_TEST_ASSERT_MSG_EQ(ParseRate("12.5mbps").GetBitRate(), 12500000, "any case");
        NS_TEST_ASSERT_MSG_EQ(ParseRate("1GBPS").GetBitRate(), 1000000000, "Gbps");
        NS_TEST_ASSERT_MSG_EQ(ParseRate("64Kbps").GetBitRate(), 64000, "Kbps");
        NS_TEST_ASSERT_MSG_EQ(ParseDelay("1ms"), MilliSeconds(1), "ms");
        NS_TEST_ASSERT_MSG_EQ(ParseDelay("250us"), MicroSeconds(250), "us");
        NS_TEST_ASSERT_MSG_EQ(ParseQueueSize("100p"), QueueSize("100p"), "packets");
        NS_TEST_ASSERT_MSG_EQ(ParseQueueSize("15000B"), QueueSize("15000B"), "bytes");
        for (const std::string bad : {"60", "60Mb", "fast", "-1Mbps", "60 Mbps", "0bps"})
        {
            NS_TEST_ASSERT_MSG_EQ(ErrorOf([&]() { ParseRate(bad); }).empty(),
                                  false,
                                  "rate '" << bad << "' rejected");
        }
        for (const std::string bad : {"1", "1sec", "ms"})
        {
            NS_TEST_ASSERT_MSG_EQ(ErrorOf([&]() { ParseDelay(bad); }).empty(),
                                  false,
                                  "delay '" << bad << "' rejected");
        }
        for (const std::string bad : {"100", "0p", "100P", "p"})
        {
            NS_TEST_ASSERT_MSG_EQ(ErrorOf([&]() { ParseQueueSize(bad); }).empty(),
                                  false,
                                  "queue size '" << bad << "' rejected");
        }
        NetworkOptions options;
        options.SetQueueDisc("red");
        options.mtu = 1000;
        options.SetTcpVariant("newreno");
        NS_TEST_ASSERT_MSG_EQ(options.MaxSegmentSize(), 948, "MSS from MTU");
        NS_TEST_ASSERT_MSG_EQ(options.TcpTypeId(), "ns3::TcpNewReno", "TCP variant");
        NS_TEST_ASSERT_MSG_EQ(Contains(ErrorOf([&]() { options.SetQueueDisc("pie"); }),
                                       "known: default, codel, fifo, fq-codel, red"),
                              true,
                              "unknown discipline names the known ones");
        NS_TEST_ASSERT_MSG_EQ(
            Contains(ErrorOf([&]() { options.SetTcpVariant("warp"); }), "or an ns-3 TypeId"),
            true,
            "unknown TCP variant names the known ones");
    }
};

/**
 * \ingroup divshare-tests
 * The Kollaps importer reads the reference topologies: the straggler star and the regions.
 */
class KollapsTestCase : public TestCase
{
  public:
    KollapsTestCase()
        : TestCase("Kollaps import: 53 nodes at 60 Mbps + 7 at 10-13; regions with their rates")
    {
    }

  private:
    /** Checks the straggler topology: 53 hosts at 60 Mbit/s, 7 at 10-13 Mbit/s, one switch. */
    void CheckStragglers(const NetworkTopology& t, const std::string& what)
    {
        NS_TEST_EXPECT_MSG_EQ(t.hosts.size(), 60, what << ": 60 learning nodes (no dashboard)");
        NS_TEST_EXPECT_MSG_EQ(t.routers.size(), 1, what << ": one switch");
        NS_TEST_EXPECT_MSG_EQ(t.links.size(), 0, what << ": no router links");
        uint32_t fast = 0;
        uint32_t slow = 0;
        for (const auto& h : t.hosts)
        {
            NS_TEST_EXPECT_MSG_EQ(h.uplink, h.downlink, what << ": symmetric " << h.name);
            NS_TEST_EXPECT_MSG_EQ(h.delay, MilliSeconds(1), what << ": 1 ms " << h.name);
            const auto bps = h.uplink.GetBitRate();
            fast += bps == 60000000;
            slow += bps >= 10000000 && bps <= 13000000;
        }
        NS_TEST_EXPECT_MSG_EQ(fast, 53, what << ": 53 nodes at 60 Mbit/s");
        NS_TEST_EXPECT_MSG_EQ(slow, 7, what << ": 7 stragglers at 10-13 Mbit/s");
        NS_TEST_EXPECT_MSG_EQ(t.hosts[0].name, "fastWorker-0", what << ": replica names");
        NS_TEST_EXPECT_MSG_EQ(t.hosts[59].name, "slowWorker6-0", what << ": stragglers last");
        NS_TEST_EXPECT_MSG_EQ(t.hosts[59].uplink.GetBitRate(), 11000000, what << ": slowWorker6");
    }

    void DoRun() override
    {
        std::istringstream straggler(StragglerKollaps());
        CheckStragglers(KollapsReader::Parse(straggler, "fixture"), "fixture");
        const auto reference = ReferenceFile("stragglers-60n-7slow.xml");
        if (!reference.empty())
        {
            CheckStragglers(KollapsReader::Read(reference), reference);
        }

        // Regions: a router per region, replicas at the intra-region rate, asymmetric links.
        std::istringstream regions(
            "<experiment boot='kollaps:2.0'><services>"
            "<service name='a' replicas='2'/><service name='b' replicas='2'/>\n"
            "<service name='c' replicas='1'/></services><links>\n"
            "<link origin='a' dest='b' latency='5' upload='20mbps' download='40Mbps'/>\n"
            "<link origin='b' dest='c' latency='2' upload='1Gbps'/>\n"
            "<link origin='c' dest='b' latency='2' upload='1Gbps'/>\n"
            "</links></experiment>");
        KollapsOptions options;
        options.intraRegionRate = DataRate("250Mbps");
        options.intraRegionDelay = MicroSeconds(100);
        const auto t = KollapsReader::Parse(regions, "regions", options);
        NS_TEST_ASSERT_MSG_EQ(t.routers.size(), 3, "a router per region");
        NS_TEST_ASSERT_MSG_EQ(t.hosts.size(), 5, "replicas");
        NS_TEST_ASSERT_MSG_EQ(t.hosts[3].name, "b-1", "names");
        NS_TEST_ASSERT_MSG_EQ(t.routers[t.hosts[3].router], "b", "b's replicas on router b");
        NS_TEST_ASSERT_MSG_EQ(t.hosts[3].uplink.GetBitRate(), 250000000, "intra-region rate");
        NS_TEST_ASSERT_MSG_EQ(t.hosts[3].delay, MicroSeconds(100), "intra-region delay");
        NS_TEST_ASSERT_MSG_EQ(t.links.size(), 2, "region links");
        NS_TEST_ASSERT_MSG_EQ(t.links[0].rateAtoB.GetBitRate(), 20000000, "upload a -> b");
        NS_TEST_ASSERT_MSG_EQ(t.links[0].rateBtoA.GetBitRate(), 40000000, "download b -> a");
        NS_TEST_ASSERT_MSG_EQ(t.links[0].delay, MilliSeconds(5), "latency");
        NS_TEST_ASSERT_MSG_EQ(t.links[1].rateBtoA.GetBitRate(), 1000000000, "the link c -> b");
        NS_TEST_ASSERT_MSG_EQ(t.links.back().back.has_value(), false, "alike both ways");

        // Installed: each direction runs at its own rate.
        Ipv4AddressGenerator::Reset();
        const auto installed = TopologyHelper().Install(t);
        const auto& link = installed.links.back(); // a - b is the first router link
        const auto& ab = installed.links[installed.links.size() - 2];
        NS_TEST_ASSERT_MSG_EQ(ab.nameA + ab.nameB, "ab", "router link a - b");
        NS_TEST_ASSERT_MSG_EQ(RateOf(ab.deviceA), 20000000, "a -> b device");
        NS_TEST_ASSERT_MSG_EQ(RateOf(ab.deviceB), 40000000, "b -> a device");
        NS_TEST_ASSERT_MSG_EQ(link.nameA + link.nameB, "bc", "router link b - c");
        Simulator::Destroy();

        // A general graph: a service on two bridges, one on a bridge and a service; each
        // becomes a router of its own, and every host reaches every other.
        std::istringstream graph(
            "<experiment boot='b'><services><service name='a' replicas='2'/><service name='b'/>\n"
            "<service name='c'/><service name='d'/></services>\n"
            "<bridges><bridge name='s1'/><bridge name='s2'/></bridges><links>\n"
            "<link origin='a' dest='s1' latency='1' upload='10Mbps' download='10Mbps'/>\n"
            "<link origin='a' dest='s2' latency='2' upload='20Mbps' download='20Mbps'/>\n"
            "<link origin='b' dest='s1' latency='1' upload='5Mbps' download='5Mbps'/>\n"
            "<link origin='b' dest='c' latency='3' upload='7Mbps' download='7Mbps'/>\n"
            "<link origin='c' dest='s2' latency='1' upload='8Mbps' download='8Mbps'/>\n"
            "<link origin='d' dest='s2' latency='1' upload='9Mbps' download='9Mbps'/>\n"
            "</links></experiment>");
        const auto general = KollapsReader::Parse(graph, "graph.xml", options);
        NS_TEST_ASSERT_MSG_EQ(JoinNames(general.routers), "s1, s2, a, b, c", "routers");
        NS_TEST_ASSERT_MSG_EQ(general.hosts.size(), 5, "replicas");
        NS_TEST_ASSERT_MSG_EQ(general.routers[general.hosts[0].router], "a", "a's own router");
        NS_TEST_ASSERT_MSG_EQ(general.hosts[0].uplink.GetBitRate(), 250000000, "intra rate");
        NS_TEST_ASSERT_MSG_EQ(general.routers[general.hosts[4].router], "s2", "d on its bridge");
        NS_TEST_ASSERT_MSG_EQ(general.hosts[4].uplink.GetBitRate(), 9000000, "d's access link");
        NS_TEST_ASSERT_MSG_EQ(general.links.size(), 5, "the other links join routers");
        Ipv4AddressGenerator::Reset();
        const auto graphNetwork = TopologyHelper().Install(general);
        Ipv4Header toD;
        toD.SetDestination(graphNetwork.addresses[4]);
        Socket::SocketErrno error;
        // Router b has no default route: a route to d is a path global routing found.
        NS_TEST_ASSERT_MSG_NE(graphNetwork.routers.Get(3)
                                  ->GetObject<Ipv4>()
                                  ->GetRoutingProtocol()
                                  ->RouteOutput(nullptr, toD, nullptr, error),
                              nullptr,
                              "router b reaches d");
        Simulator::Destroy();

        // <dynamic>: node schedules act on replicas (joins bring in absent ones, the others
        // take the lowest-numbered that can), link schedules on every link between the two.
        std::istringstream churn(
            "<experiment boot='kollaps:2.0'><services>\n"
            "<service name='dashboard' image='kollaps/dashboard:1.0' supervisor='true'/>\n"
            "<service name='w' image='x' replicas='3'/><service name='v'/></services>\n"
            "<bridges><bridge name='s'/></bridges><links>\n"
            "<link origin='w' dest='s' latency='1' upload='10Mbps' download='10Mbps' "
            "network='n'/>\n"
            "<link origin='v' dest='s' latency='1' upload='10Mbps' download='10Mbps'/>"
            "</links><dynamic>\n"
            "<schedule name='dashboard' time='0' action='join'/>\n"
            "<schedule name='w' time='0' action='join' amount='2'/>\n"
            "<schedule name='w' time='5' action='join'/>\n"
            "<schedule name='w' time='8' action='crash' amount='1'/>\n"
            "<schedule origin='s' dest='w' time='6' upload='2Mbps' latency='4'/>\n"
            "<schedule origin='v' dest='s' time='7' action='leave'/>\n"
            "</dynamic></experiment>");
        const auto dynamic = KollapsReader::Parse(churn, "churn.xml", options);
        std::vector<std::string> seen;
        for (const auto& e : dynamic.events)
        {
            seen.push_back(std::to_string(e.at.GetInteger() / 1000000000) + " " +
                           NetworkEvent::ActionName(e.action) + " " + e.node + e.a + ">" + e.b +
                           " " + e.origin);
        }
        const std::vector<std::string> expected{
            "0 join w-0> churn.xml:8",
            "0 join w-1> churn.xml:8",
            "5 join w-2> churn.xml:9",
            "6 link-set s>w-0 churn.xml:11",
            "6 link-set s>w-1 churn.xml:11",
            "6 link-set s>w-2 churn.xml:11",
            "7 link-down v-0>s churn.xml:12",
            "8 leave w-0> churn.xml:10",
        };
        NS_TEST_ASSERT_MSG_EQ(JoinNames(seen), JoinNames(expected), "events from the schedules");
        NS_TEST_ASSERT_MSG_EQ(dynamic.events[3].up->GetBitRate(), 2000000, "upload s -> w");
        NS_TEST_ASSERT_MSG_EQ(dynamic.events[3].down.has_value(), false, "s -> w only");
        NS_TEST_ASSERT_MSG_EQ(dynamic.events[3].oneWay, true, "latency s -> w only");
        NS_TEST_ASSERT_MSG_EQ(*dynamic.events[3].delay, MilliSeconds(4), "latency in ms");
        NS_TEST_ASSERT_MSG_EQ(
            ResolveNetworkEvents(dynamic.events, dynamic, Seconds(10)).inRun.size(),
            8,
            "and they resolve");

        const auto regionFile = ReferenceFile("regions-60n-10x6.xml");
        if (!regionFile.empty())
        {
            const auto r = KollapsReader::Read(regionFile, options);
            NS_TEST_ASSERT_MSG_EQ(r.routers.size(), 10, "10 regions");
            NS_TEST_ASSERT_MSG_EQ(r.hosts.size(), 60, "6 nodes each");
            NS_TEST_ASSERT_MSG_EQ(r.links.size(), 45, "full mesh");
            uint64_t lo = UINT64_MAX;
            uint64_t hi = 0;
            for (const auto& l : r.links)
            {
                lo = std::min({lo, l.rateAtoB.GetBitRate(), l.rateBtoA.GetBitRate()});
                hi = std::max({hi, l.rateAtoB.GetBitRate(), l.rateBtoA.GetBitRate()});
            }
            NS_TEST_ASSERT_MSG_EQ(lo, 21000000, "slowest region link 21 Mbit/s");
            NS_TEST_ASSERT_MSG_EQ(hi, 405000000, "fastest region link 405 Mbit/s");
            NS_TEST_ASSERT_MSG_EQ(r.hosts[0].uplink.GetBitRate(), 250000000, "intra parameter");
        }
    }
};

/**
 * \ingroup divshare-tests
 * Every router's Ipv4SubnetRouting answers as the static and global routing below it would,
 * for every address of the network (hosts, endpoints, router interfaces), on a ring of four
 * routers where some destinations have two equal paths; and it steps aside where it could
 * not answer the same.
 */
class SubnetRoutingTestCase : public TestCase
{
  public:
    SubnetRoutingTestCase()
        : TestCase("hash-table routes at routers answer as static and global routing do")
    {
    }

  private:
    void DoRun() override
    {
        std::istringstream in("router a\nrouter b\nrouter c\nrouter d\n"
                              "hosts ha 3 a rate=100Mbps delay=1ms\n"
                              "hosts hb 2 b rate=100Mbps delay=1ms\n"
                              "hosts hc 2 c rate=100Mbps delay=1ms\n"
                              "endpoint e d rate=100Mbps delay=1ms\n"
                              "link a b rate=10Mbps delay=1ms\nlink b c rate=10Mbps delay=1ms\n"
                              "link c d rate=10Mbps delay=1ms\nlink d a rate=10Mbps delay=1ms\n");
        Ipv4AddressGenerator::Reset();
        const auto installed =
            TopologyHelper().Install(TopologyFileReader::Parse(in, "ring").topology);
        std::vector<Ipv4Address> destinations;
        for (auto it = NodeList::Begin(); it != NodeList::End(); ++it)
        {
            Ptr<Ipv4> ipv4 = (*it)->GetObject<Ipv4>();
            for (uint32_t i = 1; ipv4 && i < ipv4->GetNInterfaces(); ++i)
            {
                destinations.push_back(ipv4->GetAddress(i, 0).GetLocal());
            }
        }
        destinations.push_back(Ipv4Address("10.200.0.1")); // nowhere
        uint32_t compared = 0;
        for (auto it = installed.routers.Begin(); it != installed.routers.End(); ++it)
        {
            auto list =
                DynamicCast<Ipv4ListRouting>((*it)->GetObject<Ipv4>()->GetRoutingProtocol());
            int16_t priority;
            auto subnet = DynamicCast<Ipv4SubnetRouting>(list->GetRoutingProtocol(0, priority));
            NS_TEST_ASSERT_MSG_NE(subnet, nullptr, "first in every router's list");
            NS_TEST_ASSERT_MSG_EQ(subnet->IsActive(), true, "every route copied");
            for (const auto& destination : destinations)
            {
                Ipv4Header header;
                header.SetDestination(destination);
                Socket::SocketErrno error;
                Ptr<Ipv4Route> fast = subnet->RouteOutput(nullptr, header, nullptr, error);
                Ptr<Ipv4Route> slow;
                for (uint32_t p = 1; p < list->GetNRoutingProtocols() && !slow; ++p)
                {
                    slow = list->GetRoutingProtocol(p, priority)
                               ->RouteOutput(nullptr, header, nullptr, error);
                }
                NS_TEST_ASSERT_MSG_EQ(bool(fast), bool(slow), "a route to " << destination);
                if (fast && slow)
                {
                    NS_TEST_ASSERT_MSG_EQ(fast->GetOutputDevice(),
                                          slow->GetOutputDevice(),
                                          "device to " << destination);
                    NS_TEST_ASSERT_MSG_EQ(fast->GetGateway(),
                                          slow->GetGateway(),
                                          "gateway to " << destination);
                    NS_TEST_ASSERT_MSG_EQ(fast->GetSource(),
                                          slow->GetSource(),
                                          "source to " << destination);
                    ++compared;
                }
            }
        }
        NS_TEST_ASSERT_MSG_GT(compared, 4 * (destinations.size() - 2), "routes compared");

        // A route it cannot copy (a default route): it steps aside, the others answer.
        Ptr<Node> a = installed.routers.Get(0);
        Ipv4StaticRoutingHelper()
            .GetStaticRouting(a->GetObject<Ipv4>())
            ->SetDefaultRoute(Ipv4Address("10.0.0.2"), 1);
        int16_t priority;
        auto list = DynamicCast<Ipv4ListRouting>(a->GetObject<Ipv4>()->GetRoutingProtocol());
        auto subnet = DynamicCast<Ipv4SubnetRouting>(list->GetRoutingProtocol(0, priority));
        subnet->Invalidate();
        NS_TEST_ASSERT_MSG_EQ(subnet->IsActive(), false, "a default route cannot be copied");
        Simulator::Destroy();
    }
};

/**
 * \ingroup divshare-tests
 * Link dynamics from a topology file's event lines: a link's rates, delay and loss change at
 * their time, and a router link that goes down sends traffic around it (routes recomputed,
 * the routers' hash copies too) until it comes back up. Events naming what the file does not
 * have are refused with the file's line.
 */
class LinkDynamicsTestCase : public TestCase
{
  public:
    LinkDynamicsTestCase()
        : TestCase("link events change rates, delay and loss, and reroute around a down link")
    {
    }

  private:
    void DoRun() override
    {
        std::istringstream in("router a\nrouter b\nrouter c\n"
                              "host ha a rate=100Mbps delay=1ms\nhost hb b rate=100Mbps delay=1ms\n"
                              "link a b rate=10Mbps delay=1ms\nlink b c rate=10Mbps delay=1ms\n"
                              "link c a rate=10Mbps delay=1ms\n"
                              "event 1s link-set ha a up=1Mbps down=3Mbps delay=7ms loss=0.5\n"
                              "event 2s link-down b a\n"
                              "event 3s link-up a b\n");
        const auto topology = TopologyFileReader::Parse(in, "ring").topology;
        NS_TEST_ASSERT_MSG_EQ(topology.events.size(), 3, "three event lines");
        NS_TEST_ASSERT_MSG_EQ(topology.events[1].origin, "ring:10", "each knows its line");
        const auto events = ResolveNetworkEvents(topology.events, topology, Seconds(5));
        Ipv4AddressGenerator::Reset();
        const auto installed = TopologyHelper().Install(topology);
        NetworkDynamics dynamics(installed, ApplicationContainer());
        dynamics.Schedule(events);

        const InstalledLink& access = installed.links[0]; // ha - a
        const InstalledLink& ab = installed.links[2];
        const InstalledLink& ca = installed.links[4];
        Ptr<Node> a = installed.routers.Get(0);
        auto deviceTo = [&](Ipv4Address destination) {
            Ipv4Header header;
            header.SetDestination(destination);
            Socket::SocketErrno error;
            auto route = a->GetObject<Ipv4>()->GetRoutingProtocol()->RouteOutput(nullptr,
                                                                                 header,
                                                                                 nullptr,
                                                                                 error);
            return route ? route->GetOutputDevice() : nullptr;
        };
        const Ipv4Address hb = installed.addresses[1];
        std::map<double, Ptr<NetDevice>> routes;
        uint64_t up = 0;
        uint64_t down = 0;
        Time delay;
        for (double t : {0.5, 2.5, 3.5})
        {
            Simulator::Schedule(Seconds(t), &RunFunction, [&, t] { routes[t] = deviceTo(hb); });
        }
        Simulator::Schedule(Seconds(1.5), &RunFunction, [&] {
            up = RateOf(access.deviceA); // ha -> a
            down = RateOf(access.deviceB);
            TimeValue value;
            access.deviceA->GetChannel()->GetAttribute("Delay", value);
            delay = value.Get();
        });
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(up, 1000000, "host -> router rate changed");
        NS_TEST_ASSERT_MSG_EQ(down, 3000000, "router -> host rate changed");
        NS_TEST_ASSERT_MSG_EQ(delay, MilliSeconds(7), "delay changed");
        PointerValue model;
        access.deviceA->GetAttribute("ReceiveErrorModel", model);
        NS_TEST_ASSERT_MSG_EQ_TOL(model.Get<RateErrorModel>()->GetRate(), 0.5, 1e-12, "loss set");
        NS_TEST_ASSERT_MSG_EQ(routes[0.5], ab.deviceA, "a reaches hb over a - b");
        NS_TEST_ASSERT_MSG_EQ(routes[2.5], ca.deviceB, "around it while it is down");
        NS_TEST_ASSERT_MSG_EQ(routes[3.5], ab.deviceA, "and over it again once up");
        Simulator::Destroy();

        // Seeded churn: about rate x time / (1 + rate x downtime) disconnections per node, the
        // same for a seed, alternating with reconnections (so they resolve).
        const auto churn = [](uint64_t seed) {
            return NetworkEvent::MakeChurn(100, 0.1, Seconds(2), Seconds(100), seed, "churn");
        };
        const auto one = churn(1);
        const auto disconnects = std::count_if(one.begin(), one.end(), [](const auto& e) {
            return e.action == NetworkEvent::DISCONNECT;
        });
        NS_TEST_ASSERT_MSG_EQ_TOL(disconnects, 100 * 100 * 0.1 / 1.2, 80, "churn rate");
        NS_TEST_ASSERT_MSG_EQ(churn(1).size(), one.size(), "the same seed, the same churn");
        NS_TEST_ASSERT_MSG_EQ(churn(1).back().at, one.back().at, "to the nanosecond");
        NS_TEST_ASSERT_MSG_NE(churn(2).front().at, one.front().at, "another seed, another churn");
        std::istringstream star("router s\nhosts n 100 s rate=1Mbps delay=1ms\n");
        const auto hundred = TopologyFileReader::Parse(star, "star").topology;
        NS_TEST_ASSERT_MSG_EQ(ResolveNetworkEvents(one, hundred, Seconds(100)).inRun.size(),
                              one.size(),
                              "disconnect, reconnect, ... per node");

        std::istringstream bad("router a\nhost h a rate=1Mbps delay=1ms\nhost g a rate=1Mbps "
                               "delay=1ms\nevent 1s link-down h b\n");
        const auto badTopology = TopologyFileReader::Parse(bad, "bad.topo").topology;
        std::string error;
        try
        {
            ResolveNetworkEvents(badTopology.events, badTopology, Seconds(5));
        }
        catch (const std::invalid_argument& e)
        {
            error = e.what();
        }
        NS_TEST_ASSERT_MSG_EQ(error.rfind("bad.topo:4: link-down at 1 s: no link joins 'h' and "
                                          "'b'",
                                          0),
                              0,
                              "names the line: " << error);
    }
};

/**
 * \ingroup divshare-tests
 * The module's own format: every statement, asymmetric rates, queues, endpoints, traffic.
 */
class TopologyFileTestCase : public TestCase
{
  public:
    TopologyFileTestCase()
        : TestCase("topology files: routers, hosts, endpoints, links, traffic; asymmetric rates")
    {
    }

  private:
    void DoRun() override
    {
        std::istringstream in("# a dumbbell\n"
                              "router left\nrouter right   # two routers\n"
                              "hosts l 3 left rate=100Mbps delay=1ms\n"
                              "host r0 right rate=50Mbps up=10Mbps delay=2ms queue=20p\n"
                              "host r1 right up=5Mbps down=7Mbps delay=0.5ms loss=0.01\n"
                              "endpoint src left rate=1Gbps delay=1ms\n"
                              "endpoint dst right rate=1Gbps delay=1ms\n"
                              "link left right rate=10Mbps down=20Mbps delay=10ms queue=100p "
                              "jitter=2ms\n"
                              "traffic bulk src dst start=1s stop=9s\n"
                              "traffic onoff src dst rate=5Mbps on=0.5s off=0.5s\n");
        const auto file = TopologyFileReader::Parse(in, "dumbbell");
        const auto& t = file.topology;
        NS_TEST_ASSERT_MSG_EQ(t.hosts.size(), 5, "learning hosts");
        NS_TEST_ASSERT_MSG_EQ(t.hosts[2].name, "l2", "hosts PREFIX COUNT");
        NS_TEST_ASSERT_MSG_EQ(t.hosts[3].uplink.GetBitRate(), 10000000, "up overrides rate");
        NS_TEST_ASSERT_MSG_EQ(t.hosts[3].downlink.GetBitRate(), 50000000, "down from rate");
        NS_TEST_ASSERT_MSG_EQ(t.hosts[3].queue.value(), QueueSize("20p"), "queue");
        NS_TEST_ASSERT_MSG_EQ(t.hosts[4].downlink.GetBitRate(), 7000000, "down");
        NS_TEST_ASSERT_MSG_EQ_TOL(t.hosts[4].loss, 0.01, 1e-12, "loss");
        NS_TEST_ASSERT_MSG_EQ(t.endpoints.size(), 2, "endpoints are not learning nodes");
        NS_TEST_ASSERT_MSG_EQ(t.links.size(), 1, "one router link");
        NS_TEST_ASSERT_MSG_EQ(t.links[0].rateAtoB.GetBitRate(), 10000000, "A -> B");
        NS_TEST_ASSERT_MSG_EQ(t.links[0].rateBtoA.GetBitRate(), 20000000, "B -> A");
        NS_TEST_ASSERT_MSG_EQ(t.links[0].delay, MilliSeconds(10), "delay");
        NS_TEST_ASSERT_MSG_EQ(t.links[0].jitter, MilliSeconds(2), "jitter");
        NS_TEST_ASSERT_MSG_EQ(t.hosts[0].jitter, Seconds(0), "no jitter unless given");
        NS_TEST_ASSERT_MSG_EQ(file.crossTraffic.size(), 2, "traffic lines");
        NS_TEST_ASSERT_MSG_EQ(file.crossTraffic[0].stop.value(), Seconds(9), "stop");
        NS_TEST_ASSERT_MSG_EQ(file.crossTraffic[1].kind, CrossTrafficFlow::ONOFF, "onoff");
        NS_TEST_ASSERT_MSG_EQ(file.crossTraffic[1].rate.GetBitRate(), 5000000, "onoff rate");

        // Installed with FIFO at the routers: the file's queue sizes (+1 device packet).
        Ipv4AddressGenerator::Reset();
        NetworkOptions options;
        options.SetQueueDisc("fifo");
        const auto installed = TopologyHelper().Install(t, options);
        NS_TEST_ASSERT_MSG_EQ(installed.endpointAddresses.size(), 2, "endpoints addressed");
        auto jittered = DynamicCast<JitterChannel>(installed.links.back().deviceA->GetChannel());
        NS_TEST_ASSERT_MSG_EQ(jittered->GetDirectionJitter(1), MilliSeconds(2), "link jitter");
        NS_TEST_ASSERT_MSG_EQ(jittered->GetDirectionDelay(1), MilliSeconds(10), "its delay");
        CongestionTracer tracer(t, installed, Seconds(1));
        uint32_t checked = 0;
        for (uint32_t i = 0; i < tracer.GetQueues().size(); ++i)
        {
            const auto& q = tracer.GetQueues()[i];
            NS_TEST_ASSERT_MSG_EQ(q.disc->GetInstanceTypeId().GetName(),
                                  "ns3::FifoQueueDisc",
                                  "FIFO at " << q.node);
            if ((q.node == "left" && q.toward == "right") ||
                (q.node == "right" && q.toward == "r0"))
            {
                NS_TEST_ASSERT_MSG_EQ(tracer.GetLimitPackets(i),
                                      (q.toward == "right" ? 101U : 21U),
                                      "queue size of " << q.node << " -> " << q.toward);
                ++checked;
            }
        }
        NS_TEST_ASSERT_MSG_EQ(checked, 2, "both sized queues found");
        NS_TEST_ASSERT_MSG_EQ(tracer.GetQueues().size(), 9, "7 access + 2 router-link egresses");
        Simulator::Destroy();
    }
};

/**
 * \ingroup divshare-tests
 * The ranks of a distributed run: cuts along links with a delay, balanced by learning nodes,
 * and one-line refusals of what cannot be cut.
 */
class PartitionTestCase : public TestCase
{
  public:
    PartitionTestCase()
        : TestCase("distributed partition: stars split their nodes, graphs their routers")
    {
    }

  private:
    void DoRun() override
    {
        // A star cuts its access links: 10 nodes over 3 ranks in blocks of 3, 3 and 4.
        const auto star = NetworkTopology::Star(10, DataRate("60Mbps"), MilliSeconds(2));
        const auto p = TopologyPartition::Make(star, 3);
        NS_TEST_ASSERT_MSG_EQ(p.routerRank[0], 0, "the switch on rank 0");
        NS_TEST_ASSERT_MSG_EQ(p.CountHosts(0) + p.CountHosts(1) + p.CountHosts(2), 10, "all");
        NS_TEST_ASSERT_MSG_EQ(p.CountHosts(0), 3, "rank 0");
        NS_TEST_ASSERT_MSG_EQ(p.CountHosts(2), 4, "rank 2");
        NS_TEST_ASSERT_MSG_EQ(std::is_sorted(p.hostRank.begin(), p.hostRank.end()),
                              true,
                              "contiguous blocks");
        NS_TEST_ASSERT_MSG_EQ(p.lookahead, MilliSeconds(2), "the access delay");
        const auto one = TopologyPartition::Make(star, 1);
        NS_TEST_ASSERT_MSG_EQ(one.CountHosts(0), 10, "one rank has everything");
        NS_TEST_ASSERT_MSG_EQ(one.lookahead, Time(0), "nothing cut");

        // A graph cuts router links only; the lookahead is the smallest cut delay (5 ms), not
        // the 1 ms inside a rank. Weights: a 1+4, b 1+1, c 1+4, d 1+0: {a, b} and {c, d}.
        std::istringstream in("router a\nrouter b\nrouter c\nrouter d\n"
                              "hosts x 4 a rate=1Mbps delay=1ms\n"
                              "host y b rate=1Mbps delay=1ms\n"
                              "hosts z 4 c rate=1Mbps delay=1ms\n"
                              "endpoint e d rate=1Mbps delay=1ms\n"
                              "link a b rate=1Mbps delay=1ms\n"
                              "link b c rate=1Mbps delay=5ms\n"
                              "link c d rate=1Mbps delay=1ms\n"
                              "link a d rate=1Mbps delay=7ms\n");
        const auto graph = TopologyFileReader::Parse(in, "graph").topology;
        const auto g = TopologyPartition::Make(graph, 2);
        const std::vector<uint32_t> routers{0, 0, 1, 1};
        NS_TEST_ASSERT_MSG_EQ((g.routerRank == routers), true, "routers {a, b} and {c, d}");
        NS_TEST_ASSERT_MSG_EQ(g.CountHosts(0), 5, "x0-x3 and y");
        NS_TEST_ASSERT_MSG_EQ(g.CountHosts(1), 4, "z0-z3");
        NS_TEST_ASSERT_MSG_EQ(g.endpointRank[0], 1, "the endpoint goes with d");
        NS_TEST_ASSERT_MSG_EQ(g.lookahead, MilliSeconds(5), "smallest cut delay");
        const auto four = TopologyPartition::Make(graph, 4);
        for (uint32_t r = 0; r < 4; ++r)
        {
            NS_TEST_ASSERT_MSG_EQ(std::count(four.routerRank.begin(), four.routerRank.end(), r),
                                  1,
                                  "a router per rank, rank " << r);
        }
        NS_TEST_ASSERT_MSG_EQ(four.lookahead, MilliSeconds(1), "now a 1-ms link is cut");

        const auto error = [](const NetworkTopology& t, uint32_t ranks) {
            return ErrorOf([&]() { TopologyPartition::Make(t, ranks); });
        };
        NS_TEST_EXPECT_MSG_EQ(Contains(error(star, 0), "ranks=0: a run needs at least 1 rank"),
                              true,
                              error(star, 0));
        const auto tooMany = error(NetworkTopology::Star(3, DataRate("1Mbps"), MilliSeconds(1)), 4);
        NS_TEST_EXPECT_MSG_EQ(Contains(tooMany, "ranks=4: the topology has 3 learning nodes") &&
                                  Contains(tooMany, "run with at most 3 ranks"),
                              true,
                              tooMany);
        auto instant = graph;
        instant.links[1].delay = Time(0);
        const auto noDelay = error(instant, 2);
        NS_TEST_EXPECT_MSG_EQ(Contains(noDelay, "link between routers 'b' and 'c'") &&
                                  Contains(noDelay, "no delay"),
                              true,
                              noDelay);
        NS_TEST_EXPECT_MSG_EQ(error(instant, 1), "", "one rank cuts nothing");

        // TopologyHelper puts each node on its rank, in the usual node order.
        Ipv4AddressGenerator::Reset();
        TopologyHelper helper;
        helper.SetPartition(p);
        const auto installed = helper.Install(star);
        NS_TEST_ASSERT_MSG_EQ(installed.routers.Get(0)->GetSystemId(), 0, "switch on rank 0");
        for (uint32_t i = 0; i < 10; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(installed.hosts.Get(i)->GetSystemId(),
                                  p.hostRank[i],
                                  "host " << i);
            NS_TEST_ASSERT_MSG_EQ(installed.hosts.Get(i)->GetId(),
                                  installed.routers.Get(0)->GetId() + 1 + i,
                                  "node ids follow the hosts' order");
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup divshare-tests
 * The consensus distance of a distributed run, combined from each rank's part, is the one of
 * all the models together.
 */
class ConsensusPartsTestCase : public TestCase
{
  public:
    ConsensusPartsTestCase()
        : TestCase("consensus distance: ranks' parts combine into the whole's")
    {
    }

  private:
    void DoRun() override
    {
        // Five models far from the origin and close to each other, the hard case for
        // formulas that subtract large sums.
        std::vector<std::vector<float>> models(5, std::vector<float>(7));
        for (std::size_t i = 0; i < models.size(); ++i)
        {
            for (std::size_t k = 0; k < 7; ++k)
            {
                models[i][k] = 100.0F + 0.01F * static_cast<float>((i * 7 + k * 3) % 11) -
                               static_cast<float>(k);
            }
        }
        // Reference: half the mean squared distance between every pair of models.
        double pairs = 0.0;
        for (const auto& a : models)
        {
            for (const auto& b : models)
            {
                for (std::size_t k = 0; k < 7; ++k)
                {
                    pairs +=
                        (static_cast<double>(a[k]) - b[k]) * (static_cast<double>(a[k]) - b[k]);
                }
            }
        }
        const double expected = pairs / (2.0 * 25.0);
        auto part = [&models](std::size_t first, std::size_t last) {
            std::vector<const std::vector<float>*> some;
            for (std::size_t i = first; i < last; ++i)
            {
                some.push_back(&models[i]);
            }
            return LearningMonitor::ConsensusPartOf(some);
        };
        const double whole = LearningMonitor::ConsensusDistance({part(0, 5)});
        const double split =
            LearningMonitor::ConsensusDistance({part(0, 2), part(2, 2), part(2, 5)});
        NS_TEST_ASSERT_MSG_GT(expected, 0.0, "distinct models");
        NS_TEST_EXPECT_MSG_EQ_TOL(whole, expected, 1e-9 * expected, "one part");
        NS_TEST_EXPECT_MSG_EQ_TOL(split, expected, 1e-9 * expected, "three parts, one empty");
        NS_TEST_EXPECT_MSG_EQ(std::isnan(LearningMonitor::ConsensusDistance({part(0, 0)})),
                              true,
                              "no node: NaN");
    }
};

/**
 * \ingroup divshare-tests
 * Malformed or inconsistent files fail with file:line and the problem.
 */
class TopologyErrorsTestCase : public ErrorsTestCase
{
  public:
    TopologyErrorsTestCase()
        : ErrorsTestCase("bad topology files: errors name file:line and the problem")
    {
    }

  private:
    void DoRun() override
    {
        const std::string head = "router s\nhost a s rate=1Mbps delay=1ms\n"
                                 "host b s rate=1Mbps delay=1ms\n";
        NS_TEST_ASSERT_MSG_EQ(TopologyError(head), "", "the base parses");
        Expect(TopologyError(head + "link s x rate=1Mbps delay=1ms\n"),
               "bad.topo:4:",
               "unknown router 'x'");
        Expect(TopologyError(head + "router t\nlink s a rate=1Mbps delay=1ms\n"),
               "bad.topo:5:",
               "'a' is a host or endpoint, not a router");
        Expect(TopologyError("router s\nhost a s delay=1ms\n"), "bad.topo:2:", "missing rate");
        Expect(TopologyError("router s\nhost a s up=1Mbps delay=1ms\n"),
               "bad.topo:2:",
               "missing rate");
        Expect(TopologyError("router s\n\nhost a s rate=1Mbit delay=1ms\n"),
               "bad.topo:3:",
               "unknown unit 'mbit'");
        Expect(TopologyError("router s\nhost a s rate=1Mbps\n"), "bad.topo:2:", "missing delay");
        Expect(TopologyError("router s\nhost a s rate=1Mbps delay=1ms queue=10\n"),
               "bad.topo:2:",
               "bad queue size");
        Expect(TopologyError(head + "host a s rate=1Mbps delay=1ms\n"),
               "bad.topo:4:",
               "already used");
        Expect(TopologyError(head + "switch t\n"), "bad.topo:4:", "unknown statement 'switch'");
        Expect(TopologyError(head + "traffic bulk a z\n"), "bad.topo:4:", "'z'");
        Expect(TopologyError(head + "traffic onoff a b\n"), "bad.topo:4:", "needs rate=");
        Expect(TopologyError("router s\nhost a s rate=1Mbps delay=1ms\n"),
               "bad.topo",
               "at least 2 learning nodes");

        const std::string services =
            "<experiment boot='b'>\n<services>\n<service name='w' replicas='2'/>\n"
            "</services>\n<bridges><bridge name='s'/></bridges>\n";
        Expect(KollapsError(services +
                            "<links>\n<link origin='w' dest='t' latency='1' upload='1Mbps'/>\n"
                            "</links></experiment>"),
               "bad.xml:7:",
               "unknown node 't'");
        Expect(KollapsError(services + "<links>\n<link origin='w' dest='s' latency='1'/>\n"
                                       "</links></experiment>"),
               "bad.xml:7:",
               "misses attribute upload");
        Expect(KollapsError(services +
                            "<links>\n<link origin='w' dest='s' latency='1' upload='60Mbs'/>\n"
                            "</links></experiment>"),
               "bad.xml:7:",
               "unknown unit 'mbs'");
        Expect(KollapsError(services + "<links>\n</links>\n</experiment>"),
               "bad.xml:3:",
               "service w has no link");
        Expect(KollapsError(services + "<links>\n<link origin='w' dest='s' latency='1' "
                                       "upload='1Mbps'>\n</links></experiment>"),
               "bad.xml:8:",
               "tag mismatch: link line 7");
        Expect(KollapsError("<experiment>\n<services>\n<service name='w' name='v'/>\n"),
               "bad.xml:3:",
               "redefined");
        Expect(KollapsError("<experiment>\n<services a=1>\n"), "bad.xml:2:", "AttValue");
        const std::string linked = services + "<links>\n<link origin='w' dest='s' latency='1' "
                                              "upload='1Mbps' download='1Mbps'/>\n</links>\n"
                                              "<dynamic>\n";
        Expect(KollapsError(linked + "<schedule name='w' time='10' action='explode'/>\n"
                                     "</dynamic></experiment>"),
               "bad.xml:10:",
               "action=\"explode\" for a service");
        Expect(KollapsError(linked + "<schedule name='w' time='1' action='crash' amount='2'/>\n"
                                     "<schedule name='w' time='2' action='leave'/>\n"
                                     "</dynamic></experiment>"),
               "bad.xml:11:",
               "1 replicas of w to leave at 2 s, but only 0 can");
        Expect(KollapsError(linked + "<schedule origin='w' dest='s' time='5' uplod='1Mbps'/>\n"
                                     "</dynamic></experiment>"),
               "bad.xml:10:",
               "<schedule> has no attribute 'uplod'");
        Expect(KollapsError(linked + "<schedule origin='w' dest='x' time='5' upload='1Mbps'/>\n"
                                     "</dynamic></experiment>"),
               "bad.xml:10:",
               "no link joins w and x");
        Expect(KollapsError(linked + "<schedule name='w' time='-1' action='crash'/>\n"
                                     "</dynamic></experiment>"),
               "bad.xml:10:",
               "bad time '-1'");
        // Found by the fuzzer: a time beyond ns-3's range overflowed.
        Expect(KollapsError(linked + "<schedule name='w' time='1e300' action='crash'/>\n"
                                     "</dynamic></experiment>"),
               "bad.xml:10:",
               "bad time '1e300': too large");
        Expect(KollapsError(services + "<links>\n<lnk origin='w' dest='s'/>\n</links>"
                                       "</experiment>"),
               "bad.xml:7:",
               "unknown element <lnk>");
        Expect(KollapsError("<experiment boot='b'>\n<services><service name='w' replicas='two'/>"
                            "</services></experiment>"),
               "bad.xml:2:",
               "bad replicas");
    }
};

/**
 * \ingroup divshare-tests
 * An overloaded bottleneck: UDP at three times the bottleneck rate fills the FIFO, drops
 * the excess, and keeps the link busy; the traces show all three.
 */
class BottleneckTestCase : public TestCase
{
  public:
    BottleneckTestCase()
        : TestCase("an overloaded bottleneck shows a full queue and drops, in memory and in the "
                   "CSV files")
    {
    }

  private:
    void DoRun() override
    {
        std::istringstream in("router left\nrouter right\n"
                              "hosts n 2 left rate=100Mbps delay=1ms\n"
                              "endpoint src left rate=100Mbps delay=1ms\n"
                              "endpoint dst right rate=100Mbps delay=1ms\n"
                              "link left right rate=10Mbps delay=5ms queue=50p\n"
                              "traffic onoff src dst rate=30Mbps size=1000 start=0.1s stop=2.1s\n");
        const auto file = TopologyFileReader::Parse(in, "bottleneck");
        Ipv4AddressGenerator::Reset();
        const auto installed = TopologyHelper().Install(file.topology);
        CrossTrafficHelper().Install(file.crossTraffic, file.topology, installed, Seconds(3));
        CongestionTracer tracer(file.topology, installed, MilliSeconds(100));
        tracer.Start(Seconds(3));
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        tracer.Finish();

        uint32_t bottleneck = 0;
        for (uint32_t i = 0; i < tracer.GetQueues().size(); ++i)
        {
            if (tracer.GetQueues()[i].node == "left" && tracer.GetQueues()[i].toward == "right")
            {
                bottleneck = i;
            }
        }
        NS_TEST_ASSERT_MSG_EQ(tracer.GetLimitPackets(bottleneck), 51, "FIFO 50p + device 1p");
        uint32_t maxPackets = 0;
        uint64_t drops = 0;
        for (const auto& s : tracer.GetQueueSamples())
        {
            if (s.queue == bottleneck)
            {
                maxPackets = std::max(maxPackets, s.packets);
                drops = s.droppedPackets;
            }
        }
        NS_TEST_ASSERT_MSG_GT_OR_EQ(maxPackets, 50, "the queue fills up");
        NS_TEST_ASSERT_MSG_EQ(tracer.GetFlows().size(), 1, "one flow");
        const auto& flow = tracer.GetFlows()[0];
        NS_TEST_ASSERT_MSG_EQ(flow.kind, "cross", "cross traffic");
        NS_TEST_ASSERT_MSG_EQ(flow.protocol, "udp", "udp");
        // 30 Mbit/s for 2 s in 1028-byte IP packets; 10 Mbit/s of 1030-byte PPP frames leave.
        const double sent = 30e6 * 2 / (1000 * 8);
        NS_TEST_ASSERT_MSG_EQ_TOL(flow.txPackets, sent, 0.01 * sent, "offered packets");
        const double carried = 10e6 * 2 / (1030 * 8);
        NS_TEST_ASSERT_MSG_EQ_TOL(flow.rxPackets, carried, 0.05 * carried, "carried packets");
        NS_TEST_ASSERT_MSG_EQ_TOL(drops,
                                  sent - carried,
                                  0.05 * (sent - carried),
                                  "queue drops = offered - carried");
        NS_TEST_ASSERT_MSG_EQ(flow.lostPackets + flow.rxPackets,
                              flow.txPackets,
                              "FlowMonitor accounts for every packet");
        NS_TEST_ASSERT_MSG_GT(flow.meanDelay, 0.040, "queueing delay (50 packets at 10 Mbit/s)");

        // The published files: stable headers, and the full queue in queues.csv.
        const TempDir dir("topology-test");
        tracer.Write(dir.Path());
        const std::map<std::string, std::string> headers{
            {"link-utilization.csv", "time_s,link,from,to,rate_bps,bytes,utilization"},
            {"queues.csv", "time_s,node,toward,packets,bytes,limit_packets,dropped_packets"},
            {"fragment-latency.csv", "time_s,receiver,sender,fragment,bytes,latency_s"}};
        for (const auto& [name, header] : headers)
        {
            std::ifstream csv(dir.File(name));
            std::string first;
            std::getline(csv, first);
            NS_TEST_ASSERT_MSG_EQ(first, header, name << " header");
        }
        std::ifstream queues(dir.File("queues.csv"));
        std::string row;
        bool fullRow = false;
        while (std::getline(queues, row))
        {
            fullRow |= Contains(row, ",left,right,51,") && Contains(row, ",51,");
        }
        NS_TEST_ASSERT_MSG_EQ(fullRow, true, "queues.csv shows left -> right at 51 of 51 packets");
        Simulator::Destroy();
    }
};

/**
 * \ingroup divshare-tests
 * FlowMonitor's byte counts of model transfers agree with the transport's own counters,
 * the difference being TCP/IP headers.
 */
class FlowBytesTestCase : public TestCase
{
  public:
    FlowBytesTestCase()
        : TestCase("FlowMonitor bytes = transport bytes + TCP and IP headers")
    {
    }

  private:
    void DoRun() override
    {
        Ipv4AddressGenerator::Reset();
        Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1448));
        const auto topology = NetworkTopology::Star(3, DataRate("20Mbps"), MilliSeconds(1));
        const auto network = TopologyHelper().Install(topology);
        std::vector<Address> peers;
        for (const auto& address : network.addresses)
        {
            peers.emplace_back(InetSocketAddress(address, 7000));
        }
        std::vector<Ptr<ModelTransport>> transports;
        for (uint32_t i = 0; i < 3; ++i)
        {
            auto transport = CreateObject<ModelTransport>();
            transport->Setup(network.hosts.Get(i), i, peers);
            transport->Start();
            transports.push_back(transport);
        }
        CongestionTracer tracer(topology, network, MilliSeconds(100));
        tracer.Start(Seconds(5));
        const auto values = std::make_shared<const std::vector<float>>(50000, 1.0F);
        Simulator::Schedule(Seconds(0.1), &RunFunction, [&]() {
            transports[0]->Enqueue(1, DivShareHeader::FRAGMENT, 1, 0, 1, values);
            transports[0]->Enqueue(2, DivShareHeader::FRAGMENT, 1, 0, 1, values);
            transports[2]->Enqueue(1, DivShareHeader::FRAGMENT, 1, 0, 1, values);
        });
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        tracer.Finish();

        uint64_t payload = 0;
        for (const auto& t : transports)
        {
            payload += t->GetCounters().bytesReceived;
        }
        NS_TEST_ASSERT_MSG_EQ(payload, 3 * (40 + 200000), "three messages received");
        uint64_t ipBytes = 0;
        uint32_t dataFlows = 0;
        for (const auto& f : tracer.GetFlows())
        {
            if (f.dstPort == 7000)
            {
                ipBytes += f.rxBytes;
                ++dataFlows;
            }
        }
        NS_TEST_ASSERT_MSG_EQ(dataFlows, 3, "three model flows");
        // 52 bytes of IP + TCP (timestamps) per 1448-byte segment, plus handshakes.
        const double expected = payload * 1500.0 / 1448.0;
        NS_TEST_ASSERT_MSG_GT_OR_EQ(ipBytes, payload, "headers only add");
        NS_TEST_ASSERT_MSG_EQ_TOL(ipBytes,
                                  expected,
                                  0.005 * expected,
                                  "FlowMonitor bytes = payload + per-segment headers");
        for (auto& t : transports)
        {
            t->Dispose();
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup divshare-tests
 * Kollaps' rules, one case each, as its parsers (XMLGraphParser.py, the emulation core's
 * xmlgraphparser.rs and event scheduler) define them: what is read the same way, and what
 * is refused with its reason.
 */
class KollapsRulesTestCase : public ErrorsTestCase
{
  public:
    KollapsRulesTestCase()
        : ErrorsTestCase(
              "Kollaps rules: replicas from joins, reuse, amounts, directed links, jitter, "
              "bridges, and their errors")
    {
    }

  private:
    /** An experiment: services w (and any given), bridge s, w's link, then the rest. */
    static std::string File(const std::string& service,
                            const std::string& links,
                            const std::string& dynamic = "")
    {
        return "<experiment boot='kollaps:2.0'>\n<services>\n" + service +
               "\n</services>\n<bridges><bridge name='s'/></bridges>\n<links>\n" + links +
               "\n</links>\n" +
               (dynamic.empty() ? "" : "<dynamic>\n" + dynamic + "\n</dynamic>\n") +
               "</experiment>";
    }

    static NetworkTopology Parse(const std::string& text)
    {
        std::istringstream in(text);
        return KollapsReader::Parse(in, "rules.xml");
    }

    void Refused(const std::string& text, const std::string& where, const std::string& what)
    {
        Expect(KollapsError(text), where, what);
    }

    void DoRun() override
    {
        const std::string w = "<link origin='w' dest='s' latency='2' upload='10Mbps' "
                              "download='20Mbps'/>";
        const std::string v = "<link origin='v' dest='s' latency='1' upload='5Mbps' "
                              "download='5Mbps'/>";
        const std::string wv = "<service name='w'/><service name='v'/>";

        // Replicas: without joins, replicas= (default 1); with joins, the joins decide
        // (replicas= is ignored, as Kollaps does), and they start absent.
        NS_TEST_ASSERT_MSG_EQ(
            Parse(File("<service name='w' replicas='3'/><service name='v'/>", w + v)).hosts.size(),
            4,
            "replicas= without joins");
        auto joined = Parse(File("<service name='w' replicas='9'/><service name='v'/>",
                                 w + v,
                                 "<schedule name='w' time='0' action='join' amount='2'/>\n"
                                 "<schedule name='w' time='3' action='join'/>"));
        NS_TEST_ASSERT_MSG_EQ(joined.hosts.size(), 4, "3 joined replicas of w (not 9) and v");
        NS_TEST_ASSERT_MSG_EQ(joined.events.size(), 3, "amount defaults to 1");
        NS_TEST_ASSERT_MSG_EQ(joined.events[2].node, "w-2", "the third join takes w-2");
        // reuse: Kollaps restarts a left replica's container; here a new node joins instead.
        for (const char* reuse : {"true", "false"})
        {
            auto rejoined = Parse(
                File("<service name='w' reuse='" + std::string(reuse) + "'/><service name='v'/>",
                     w + v,
                     "<schedule name='w' time='0' action='join' amount='2'/>\n"
                     "<schedule name='w' time='1' action='leave' amount='2'/>\n"
                     "<schedule name='w' time='2' action='join' amount='2'/>"));
            NS_TEST_ASSERT_MSG_EQ(rejoined.hosts.size(), 5, "4 joined replicas, reuse=" << reuse);
            NS_TEST_ASSERT_MSG_EQ(rejoined.events.back().node, "w-3", "new nodes join");
        }
        // crash is leave (Kollaps 2 kills the processes; the network stays).
        auto crashed = Parse(File(wv,
                                  w + v,
                                  "<schedule name='w' time='0' action='join'/>\n"
                                  "<schedule name='w' time='1' action='crash'/>"));
        NS_TEST_ASSERT_MSG_EQ(NetworkEvent::ActionName(crashed.events[1].action),
                              "leave",
                              "crash = leave");
        Refused(File(wv, w + v, "<schedule name='w' time='1' action='join' amount='0'/>"),
                "bad.xml:10:",
                "amount=\"0\" is not a whole number");
        Refused(File(wv, w + v, "<schedule name='w' time='-2' action='join'/>"),
                "bad.xml:10:",
                "bad time '-2'");
        Refused(File(wv,
                     w + v,
                     "<schedule name='w' time='0' action='join'/>\n"
                     "<schedule name='w' time='1' action='leave' amount='2'/>"),
                "bad.xml:11:",
                "negative number of replicas at 1 s");
        Refused(File(wv,
                     w + v,
                     "<schedule name='w' time='0' action='join' amount='2'/>\n"
                     "<schedule name='w' time='1' action='disconnect' amount='3'/>"),
                "bad.xml:11:",
                "disconnects more replicas than are joined and connected");
        Refused(File(wv,
                     w + v,
                     "<schedule name='w' time='0' action='join' amount='2'/>\n"
                     "<schedule name='w' time='1' action='disconnect'/>\n"
                     "<schedule name='w' time='2' action='reconnect' amount='2'/>"),
                "bad.xml:12:",
                "reconnects more replicas than are disconnected");
        Refused(File(wv, w + v, "<schedule name='w' time='1' action='explode'/>"),
                "bad.xml:10:",
                "action=\"explode\"");
        // Links: directed. download= gives the way back; otherwise a link the other way.
        auto asymmetric = Parse(File(wv,
                                     "<link origin='w' dest='s' latency='2' jitter='0.5' "
                                     "upload='10Mbps'/>\n<link origin='s' dest='w' latency='7' "
                                     "upload='30Mbps' drop='0.01'/>\n" +
                                         v));
        const auto& host = asymmetric.hosts[0];
        NS_TEST_ASSERT_MSG_EQ(host.uplink.GetBitRate(), 10000000, "w -> s");
        NS_TEST_ASSERT_MSG_EQ(host.downlink.GetBitRate(), 30000000, "s -> w");
        NS_TEST_ASSERT_MSG_EQ(host.delay, MilliSeconds(2), "latency w -> s");
        NS_TEST_ASSERT_MSG_EQ(host.jitter, MicroSeconds(500), "jitter w -> s, in ms");
        NS_TEST_ASSERT_MSG_EQ(host.back.has_value(), true, "the way back differs");
        NS_TEST_ASSERT_MSG_EQ(host.back->delay, MilliSeconds(7), "latency s -> w");
        NS_TEST_ASSERT_MSG_EQ(host.back->jitter, Seconds(0), "no jitter s -> w");
        NS_TEST_ASSERT_MSG_EQ_TOL(host.back->loss, 0.01, 1e-12, "drop s -> w");
        NS_TEST_ASSERT_MSG_EQ(Parse(File(wv, w + v)).hosts[0].back.has_value(),
                              false,
                              "download= keeps latency, jitter and drop");
        Refused(File(wv, "<link origin='w' dest='s' latency='2' upload='10Mbps'/>\n" + v),
                "bad.xml:7:",
                "is one-way");
        Refused(File(wv, w + "\n<link origin='s' dest='w' latency='2' upload='1Mbps'/>\n" + v),
                "bad.xml:8:",
                "a second link from s to w");
        // Link schedules: one direction unless download= is given.
        auto changed = Parse(File(wv,
                                  w + v,
                                  "<schedule origin='s' dest='w' time='1' latency='9' "
                                  "jitter='1'/>\n<schedule origin='w' dest='s' time='2' "
                                  "upload='1Mbps' download='2Mbps' drop='0.1'/>"));
        NS_TEST_ASSERT_MSG_EQ(changed.events[0].oneWay, true, "latency s -> w only");
        NS_TEST_ASSERT_MSG_EQ(changed.events[0].a + changed.events[0].b, "sw-0", "from s");
        NS_TEST_ASSERT_MSG_EQ(*changed.events[0].jitter, MilliSeconds(1), "jitter in ms");
        NS_TEST_ASSERT_MSG_EQ(changed.events[1].oneWay, false, "download=: both ways");
        Refused(File(wv, w + v, "<schedule origin='w' dest='v' time='1' latency='9'/>"),
                "bad.xml:10:",
                "no link joins w and v");
        Refused(File(wv, w + v, "<schedule origin='w' dest='s' time='1' action='join'/>"),
                "bad.xml:10:",
                "adding links during a run is not modelled");
        Refused(File(wv, w + v, "<schedule origin='w' dest='s' time='1' loss='0.5'/>"),
                "bad.xml:10:",
                "a link's packet loss is drop=");
        // A bridge leaves and joins: all its links go down and up.
        auto bridge = Parse(File(wv,
                                 w + v,
                                 "<schedule name='s' time='1' action='leave'/>\n"
                                 "<schedule name='s' time='2' action='join'/>"));
        NS_TEST_ASSERT_MSG_EQ(bridge.events.size(), 4, "two links, down then up");
        NS_TEST_ASSERT_MSG_EQ(NetworkEvent::ActionName(bridge.events[0].action),
                              "link-down",
                              "leave");
        // Elements and attributes.
        NS_TEST_ASSERT_MSG_EQ(
            Parse(File("<service name='d' image='x' supervisor='false'/>" + wv, w + v))
                .hosts.size(),
            2,
            "supervisor= by its presence, whatever its value");
        auto shared = Parse(File("<service name='w' replicas='3' share='true'/>"
                                 "<service name='v'/>",
                                 w + v));
        NS_TEST_ASSERT_MSG_EQ(shared.routers[shared.hosts[0].router],
                              "w",
                              "shared: the replicas behind a bridge of their own");
        NS_TEST_ASSERT_MSG_EQ(shared.hosts[0].uplink.GetBitRate(), 10000000, "at the link's rate");
        NS_TEST_ASSERT_MSG_EQ(shared.links.size(), 1, "and share the link w - s");
        NS_TEST_ASSERT_MSG_EQ(Parse(File(wv, w + v) + "").hosts.size(), 2, "config not needed");
        Refused("<experiment>\n<services>" + wv + "</services><links>" + w + v +
                    "</links></experiment>",
                "bad.xml:1:",
                "misses attribute boot");
        Refused("<experiment boot='b'>\n<services>" + wv + "</services></experiment>",
                "bad.xml:1:",
                "no <links> block");
        Refused("<experiment boot='b'>\n<services/>\n<services/></experiment>",
                "bad.xml:3:",
                "only one <services> block");
        Refused("<experiment boot='b'>\n<services><bridge name='x'/></services></experiment>",
                "bad.xml:2:",
                "<bridge> belongs inside <bridges>");
        Refused("<experiment boot='b'>\n<config><path shortest_path='latency'/></config>"
                "</experiment>",
                "bad.xml:2:",
                "shortest_path=\"latency\" is not modelled");
    }
};

/** A device's receive callback: the packet's uid and arrival time (ns-3.35 takes no lambdas). */
bool
RecordArrival(std::vector<std::pair<uint64_t, Time>>* arrivals,
              Ptr<NetDevice>,
              Ptr<const Packet> packet,
              uint16_t,
              const Address&)
{
    arrivals->emplace_back(packet->GetUid(), Simulator::Now());
    return true;
}

/**
 * \ingroup divshare-tests
 * JitterChannel: per-direction delays, a normal per-packet jitter of the set spread, and
 * the link's order kept under it.
 */
class JitterChannelTestCase : public TestCase
{
  public:
    JitterChannelTestCase()
        : TestCase("JitterChannel: per-direction delay, normal jitter, order kept")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(2);
        const auto devices =
            TopologyHelper::InstallLink(nodes.Get(0), nodes.Get(1), MilliSeconds(10), 1500);
        auto a = DynamicCast<PointToPointNetDevice>(devices.Get(0));
        auto b = DynamicCast<PointToPointNetDevice>(devices.Get(1));
        a->SetDataRate(DataRate("1Gbps"));
        b->SetDataRate(DataRate("1Gbps"));
        auto channel = DynamicCast<JitterChannel>(a->GetChannel());
        NS_TEST_ASSERT_MSG_NE(channel, nullptr, "InstallLink makes a JitterChannel");
        TopologyHelper::SetShape(a, MilliSeconds(10), MilliSeconds(2));
        TopologyHelper::SetShape(b, MilliSeconds(30), Seconds(0));
        channel->AssignStreams(7);

        std::map<uint64_t, Time> sent;
        std::vector<std::pair<uint64_t, Time>> atB;
        std::vector<std::pair<uint64_t, Time>> atA;
        b->SetReceiveCallback(MakeBoundCallback(&RecordArrival, &atB));
        a->SetReceiveCallback(MakeBoundCallback(&RecordArrival, &atA));
        auto send = [&](Ptr<PointToPointNetDevice> from) {
            auto packet = Create<Packet>(1000);
            sent[packet->GetUid()] = Simulator::Now();
            from->Send(packet, from == a ? b->GetAddress() : a->GetAddress(), 0x0800);
        };
        // Spaced far apart: each packet's delay is its own draw.
        const uint32_t spaced = 2000;
        for (uint32_t i = 0; i < spaced; ++i)
        {
            Simulator::Schedule(MilliSeconds(50) * i, &RunFunction, [&] { send(a); });
        }
        Simulator::Schedule(Seconds(1), &RunFunction, [&] { send(b); });
        // Back to back: 100 packets 8 us apart under a 2 ms jitter would overtake each other.
        Simulator::Schedule(Seconds(200), &RunFunction, [&] {
            for (uint32_t i = 0; i < 100; ++i)
            {
                send(a);
            }
        });
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(atB.size(), spaced + 100, "every packet arrives");
        const Time tx = DataRate("1Gbps").CalculateBytesTxTime(1000 + 2); // PPP header
        double sum = 0;
        double squares = 0;
        for (uint32_t i = 0; i < spaced; ++i)
        {
            // In nanoseconds: ns-3's double conversion of a negative Time shifts a negative
            // value (undefined behaviour that the sanitizers stop at).
            const double extra =
                (atB[i].second - sent[atB[i].first] - tx - MilliSeconds(10)).GetNanoSeconds() / 1e6;
            sum += extra;
            squares += extra * extra;
        }
        const double mean = sum / spaced;
        const double sd = std::sqrt(squares / spaced - mean * mean);
        // Clamping at a zero delay is 5 sigma away: mean 0 and sd 2 ms, within sampling error.
        NS_TEST_ASSERT_MSG_EQ_TOL(mean, 0.0, 0.15, "jitter has mean 0 (ms)");
        NS_TEST_ASSERT_MSG_EQ_TOL(sd, 2.0, 0.15, "and the set standard deviation (ms)");
        NS_TEST_ASSERT_MSG_EQ(atA.size(), 1, "the way back");
        NS_TEST_ASSERT_MSG_EQ(atA[0].second - Seconds(1),
                              tx + MilliSeconds(30),
                              "30 ms, no jitter");
        bool ordered = true;
        for (uint32_t i = spaced + 1; i < atB.size(); ++i)
        {
            ordered =
                ordered && atB[i].first > atB[i - 1].first && atB[i].second >= atB[i - 1].second;
        }
        NS_TEST_ASSERT_MSG_EQ(ordered, true, "a burst arrives in the order it was sent");
        Simulator::Destroy();
    }
};

/**
 * \ingroup divshare-tests
 * Topology files, Kollaps import, network options and congestion traces.
 */
class TopologyTestSuite : public TestSuite
{
  public:
    TopologyTestSuite()
        : TestSuite("divshare-topology")
    {
        AddTestCase(new UnitsTestCase);
        AddTestCase(new KollapsTestCase);
        AddTestCase(new KollapsRulesTestCase);
        AddTestCase(new JitterChannelTestCase);
        AddTestCase(new TopologyFileTestCase);
        AddTestCase(new TopologyErrorsTestCase);
        AddTestCase(new PartitionTestCase);
        AddTestCase(new ConsensusPartsTestCase);
        AddTestCase(new BottleneckTestCase);
        AddTestCase(new FlowBytesTestCase);
        AddTestCase(new SubnetRoutingTestCase);
        AddTestCase(new LinkDynamicsTestCase);
    }
};

/** Static instance. */
static TopologyTestSuite g_topologyTestSuite;
