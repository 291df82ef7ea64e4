/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_IPV4_SUBNET_ROUTING_H
#define DIVSHARE_IPV4_SUBNET_ROUTING_H

#include "ns3/ipv4-route.h"
#include "ns3/ipv4-routing-protocol.h"

#include <cstdint>
#include <unordered_map>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief A router's unicast routes in hash tables, copied from its static and global routing.
 *
 * ns-3's static and global routing scan one route per subnet, with a loop over each mask's
 * bits, on every forwarded packet: at a star's router with one link per host that is a scan
 * over every host, so the cost per packet grows with the node count. In a network where
 * every link is its own subnet of one prefix length (TopologyHelper's /30s), this protocol
 * answers the same questions in constant time: placed in the router's Ipv4ListRouting above
 * static routing, it copies their routes (static's first, as the list would ask them: the
 * connected subnets; then global routing's host routes and subnet routes, first one wins)
 * and forwards by the destination's host, then subnet. What it cannot copy exactly (a route
 * of another prefix length, a default or external route) makes it step aside: it answers
 * nothing and the protocols below answer as before. Any interface or address change, or
 * Invalidate() after routes were recomputed, makes it copy the routes again on the next
 * packet.
 */
class Ipv4SubnetRouting : public Ipv4RoutingProtocol
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /** \brief Copy the routes again before the next lookup (after routes were recomputed). */
    void Invalidate();
    /** \return whether it answers (false: a route it cannot copy; the others answer) */
    bool IsActive();

    Ptr<Ipv4Route> RouteOutput(Ptr<Packet> p,
                               const Ipv4Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;

  private:
    /** RouteInput's callback types: ns-3.4x passes them by const reference, 3.3x by value. */
    template <typename T>
    struct InputCallbacks;

    template <typename R,
              typename C,
              typename P,
              typename H,
              typename D,
              typename U,
              typename M,
              typename L,
              typename E>
    struct InputCallbacks<R (C::*)(P, H, D, U, M, L, E)>
    {
        using Unicast = U;
        using Multicast = M;
        using Local = L;
        using Error = E;
    };

    using Callbacks = InputCallbacks<decltype(&Ipv4RoutingProtocol::RouteInput)>;

  public:
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv4Header& header,
                    Ptr<const NetDevice> idev,
                    Callbacks::Unicast ucb,
                    Callbacks::Multicast mcb,
                    Callbacks::Local lcb,
                    Callbacks::Error ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void SetIpv4(Ptr<Ipv4> ipv4) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const override;

  protected:
    void DoDispose() override;

  private:
    /** \brief Copy the routes of the protocols below; step aside if one cannot be copied. */
    void Copy();
    /** \return the route to \p destination, or null */
    Ptr<Ipv4Route> Lookup(Ipv4Address destination);

    uint8_t m_prefixLength;
    Ptr<Ipv4> m_ipv4;
    bool m_copied{false}; //!< the tables hold the current routes (or m_active is false)
    bool m_active{false}; //!< every route could be copied
    std::unordered_map<uint32_t, Ptr<Ipv4Route>> m_connected; //!< subnet -> route (static's)
    std::unordered_map<uint32_t, Ptr<Ipv4Route>> m_hosts;     //!< host -> route (global's)
    std::unordered_map<uint32_t, Ptr<Ipv4Route>> m_subnets;   //!< subnet -> route (global's)
};

} // namespace ns3

#endif /* DIVSHARE_IPV4_SUBNET_ROUTING_H */
