/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Drives an Ipv4EndPointDemux through random operations and prints every answer, so that
 * check-end-point-index.sh can compare the original with the patched one.
 *
 *   check SEED STEPS
 *
 * An end point is named by the order of its allocation. The address and port pools are
 * small so that tuples collide: wildcards, subnet-directed local addresses (10.0.0.0,
 * 10.1.0.0), bound devices and disabled receivers all occur. ns-3 aborts a lookup that
 * matches more than one end point; the run then prints ABORT and stops, in both versions.
 */
#include "ns3/core-module.h"
#include "ns3/ipv4-end-point-demux.h"
#include "ns3/ipv4-end-point.h"
#include "ns3/ipv4-interface-address.h"
#include "ns3/ipv4-interface.h"
#include "ns3/simple-net-device.h"

#include <cstdio>
#include <exception>
#include <map>
#include <random>
#include <unistd.h>
#include <vector>

using namespace ns3;

int
main(int argc, char** argv)
{
    uint32_t seed = std::stoul(argv[1]);
    uint32_t steps = std::stoul(argv[2]);
    std::set_terminate([] {
        std::printf("ABORT\n");
        std::fflush(stdout);
        _exit(0);
    });
    std::mt19937 rng(seed);
    auto pick = [&](auto& v) { return v[rng() % v.size()]; };
    std::vector<Ipv4Address> locals{Ipv4Address::GetAny(),
                                    Ipv4Address("10.0.0.1"),
                                    Ipv4Address("10.0.0.2"),
                                    Ipv4Address("10.0.0.0"),
                                    Ipv4Address("10.0.0.255"),
                                    Ipv4Address("10.1.0.5"),
                                    Ipv4Address("10.1.0.0")};
    std::vector<Ipv4Address> peers{Ipv4Address::GetAny(),
                                   Ipv4Address("10.0.0.9"),
                                   Ipv4Address("10.2.0.1")};
    std::vector<uint16_t> ports{0, 1, 2, 49152, 49153, 49154, 65535};
    Ptr<NetDevice> devA = CreateObject<SimpleNetDevice>();
    Ptr<NetDevice> devB = CreateObject<SimpleNetDevice>();
    std::vector<Ptr<NetDevice>> devs{nullptr, devA, devB};
    Ptr<Ipv4Interface> itf = CreateObject<Ipv4Interface>();
    itf->SetDevice(devA);
    itf->AddAddress(Ipv4InterfaceAddress(Ipv4Address("10.0.0.1"), Ipv4Mask("255.255.255.0")));
    if (seed % 2)
    {
        itf->AddAddress(Ipv4InterfaceAddress(Ipv4Address("10.0.0.2"), Ipv4Mask("255.255.255.0")));
        itf->AddAddress(Ipv4InterfaceAddress(Ipv4Address("10.1.0.5"), Ipv4Mask("255.255.0.0")));
    }
    auto* demux = new Ipv4EndPointDemux();
    std::vector<Ipv4EndPoint*> live;
    std::map<Ipv4EndPoint*, int> id;
    int next = 0;
    auto name = [&](Ipv4EndPoint* e) { return e ? id.at(e) : -1; };
    auto added = [&](Ipv4EndPoint* e) {
        if (e)
        {
            id[e] = next++;
            live.push_back(e);
            std::printf(" -> %d port %u\n", id[e], e->GetLocalPort());
        }
        else
        {
            std::printf(" -> null\n");
        }
    };
    for (uint32_t step = 0; step < steps; ++step)
    {
        uint32_t op = rng() % 14;
        std::printf("%u op %u", step, op);
        if (op >= 6 && op <= 9 && live.empty())
        {
            std::printf(" (no end point)\n"); // these change an existing one
            continue;
        }
        switch (op)
        {
        case 0:
            added(demux->Allocate());
            break;
        case 1:
            added(demux->Allocate(pick(locals)));
            break;
        case 2:
            added(demux->Allocate(pick(devs), pick(ports)));
            break;
        case 3:
            added(demux->Allocate(pick(devs), pick(locals), pick(ports)));
            break;
        case 4:
        case 5: {
            // One draw per statement: the order of a call's arguments is unspecified.
            auto d = pick(devs);
            auto la = pick(locals);
            auto lp = pick(ports);
            auto pa = pick(peers);
            auto pp = pick(ports);
            added(demux->Allocate(d, la, lp, pa, pp));
            break;
        }
        case 6: {
            size_t k = rng() % live.size();
            std::printf(" dealloc %d\n", name(live[k]));
            id.erase(live[k]);
            demux->DeAllocate(live[k]);
            live.erase(live.begin() + k);
            break;
        }
        case 7: {
            auto* e = pick(live);
            auto pa = pick(peers);
            auto pp = pick(ports);
            e->SetPeer(pa, pp);
            std::printf(" setpeer %d\n", name(e));
            break;
        }
        case 8: {
            auto* e = pick(live);
            e->SetLocalAddress(pick(locals));
            std::printf(" setlocal %d\n", name(e));
            break;
        }
        case 9: {
            auto* e = pick(live);
            e->SetRxEnabled(rng() % 3 != 0);
            std::printf(" rx %d\n", name(e));
            break;
        }
        case 10:
        case 11: {
            auto da = pick(locals);
            auto dp = pick(ports);
            auto sa = pick(peers);
            auto sp = pick(ports);
            std::printf(" lookup");
            std::fflush(stdout);
            auto r = demux->Lookup(da, dp, sa, sp, itf);
            for (auto* e : r)
            {
                std::printf(" %d", name(e));
            }
            std::printf("\n");
            break;
        }
        case 12: {
            auto r = demux->SimpleLookup(pick(locals), pick(ports), pick(peers), pick(ports));
            std::printf(" simple %d\n", name(r));
            break;
        }
        case 13: {
            std::printf(" port %d local %d all",
                        demux->LookupPortLocal(pick(ports)),
                        demux->LookupLocal(pick(devs), pick(locals), pick(ports)));
            for (auto* e : demux->GetAllEndPoints())
            {
                std::printf(" %d", name(e));
            }
            std::printf("\n");
            break;
        }
        }
    }
    delete demux;
    std::printf("done\n");
    return 0;
}
