/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "jitter-channel.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("JitterChannel");

NS_OBJECT_ENSURE_REGISTERED(JitterChannel);

TypeId
JitterChannel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::JitterChannel")
            .SetParent<PointToPointChannel>()
            .SetGroupName("Divshare")
            .AddConstructor<JitterChannel>()
            .AddAttribute("Jitter",
                          "Standard deviation of the normal per-packet extra delay of both "
                          "directions (0: none); SetDirection() sets one direction apart.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&JitterChannel::SetJitter, &JitterChannel::GetJitter),
                          MakeTimeChecker(Seconds(0)));
    return tid;
}

JitterChannel::JitterChannel()
{
    NS_LOG_FUNCTION(this);
}

void
JitterChannel::SetJitter(Time jitter)
{
    m_jitter = jitter;
    if (jitter.IsStrictlyPositive() || m_shaped)
    {
        Shape(jitter);
    }
}

void
JitterChannel::Shape(Time jitter)
{
    if (!m_shaped)
    {
        // From now on the base's Delay is each packet's; the link's own is kept here.
        m_delay = GetDelay();
        m_shaped = true;
    }
    if (jitter.IsStrictlyPositive() && !m_draw)
    {
        m_draw = CreateObject<NormalRandomVariable>();
        if (m_stream >= 0)
        {
            m_draw->SetStream(m_stream);
        }
    }
}

void
JitterChannel::SetDirection(std::size_t from, Time delay, Time jitter)
{
    NS_ASSERT_MSG(from < 2, "a point-to-point channel has two directions");
    NS_ASSERT_MSG(!delay.IsStrictlyNegative() && !jitter.IsStrictlyNegative(),
                  "delay and jitter are not negative");
    m_delays[from] = delay;
    m_jitters[from] = jitter;
    Shape(jitter);
    const auto plain = [this](std::size_t i) {
        return !m_jitters[i].value_or(m_jitter).IsStrictlyPositive() &&
               m_delays[i].value_or(m_delay) == m_delays[0].value_or(m_delay);
    };
    if (plain(0) && plain(1))
    {
        // Both directions alike and without jitter again: PointToPointChannel's own path.
        PointToPointChannel::SetAttribute("Delay", TimeValue(m_delays[0].value_or(m_delay)));
        m_delays = {};
        m_jitters = {};
        m_shaped = false;
    }
}

Time
JitterChannel::GetJitter() const
{
    return m_jitter;
}

Time
JitterChannel::GetDirectionDelay(std::size_t from) const
{
    return m_delays.at(from).value_or(m_shaped ? m_delay : GetDelay());
}

Time
JitterChannel::GetDirectionJitter(std::size_t from) const
{
    return m_jitters.at(from).value_or(m_jitter);
}

int64_t
JitterChannel::AssignStreams(int64_t stream)
{
    m_stream = stream;
    if (m_draw)
    {
        m_draw->SetStream(stream);
    }
    return 1;
}

bool
JitterChannel::TransmitStart(Ptr<const Packet> p, Ptr<PointToPointNetDevice> src, Time txTime)
{
    NS_LOG_FUNCTION(this << p << src << txTime);
    if (!m_shaped)
    {
        return PointToPointChannel::TransmitStart(p, src, txTime);
    }
    const std::size_t from = src == GetPointToPointDevice(0) ? 0 : 1;
    Time delay = m_delays[from].value_or(m_delay);
    const Time jitter = GetDirectionJitter(from);
    if (jitter.IsStrictlyPositive())
    {
        const double draw = m_draw->GetValue(0.0, 1.0); // N(0, 1), scaled below
        delay = std::max(Seconds(0), delay + Seconds(draw * jitter.GetSeconds()));
    }
    // The order of the link: never before the packet ahead.
    const Time now = Simulator::Now();
    const Time arrival = std::max(now + txTime + delay, m_lastArrival[from]);
    m_lastArrival[from] = arrival;
    // The base channel schedules the arrival and fires its trace (NetAnim) with this packet's
    // delay: its Delay is the packet's, its shape is kept here.
    PointToPointChannel::SetAttribute("Delay", TimeValue(arrival - now - txTime));
    return PointToPointChannel::TransmitStart(p, src, txTime);
}

} // namespace ns3
