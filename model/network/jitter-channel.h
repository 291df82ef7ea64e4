/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_JITTER_CHANNEL_H
#define DIVSHARE_JITTER_CHANNEL_H

#include "ns3/nstime.h"
#include "ns3/point-to-point-channel.h"
#include "ns3/random-variable-stream.h"

#include <array>
#include <optional>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief A point-to-point channel whose two directions have their own delay and a
 * per-packet delay variation (jitter), as Kollaps shapes each direction of a path with
 * netem (`delay D J distribution normal`).
 *
 * A packet sent from device i arrives after its transmission time, the direction's delay
 * and a draw of a normal distribution with mean 0 and the direction's jitter as standard
 * deviation; a draw that would make the delay negative gives 0. The link keeps its order: a
 * packet never arrives before the one sent ahead of it on the same direction (it arrives
 * with it), as on a real link whose jitter comes from queues along it. netem itself
 * reorders packets whose gap is below the jitter; TCP then sees reordering as loss, which
 * is a property of the emulator, not of the path it emulates.
 *
 * Without jitter and per-direction delays it is PointToPointChannel, and draws nothing: a
 * network of these channels gives ns-3's own results. Once shaped, the base's Delay holds
 * each packet's delay in turn (its TxRxPointToPoint trace, NetAnim's, sees it); set the
 * link's delay with SetDirection() then.
 */
class JitterChannel : public PointToPointChannel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    JitterChannel();

    /**
     * \brief Give one direction its own delay and jitter (otherwise Delay and Jitter).
     * \param from the sending device's index on this channel (0 or 1)
     * \param delay one-way delay of that direction
     * \param jitter standard deviation of its per-packet extra delay
     */
    void SetDirection(std::size_t from, Time delay, Time jitter);

    /**
     * \param from the sending device's index on this channel (0 or 1)
     * \return that direction's one-way delay
     */
    Time GetDirectionDelay(std::size_t from) const;

    /**
     * \param from the sending device's index on this channel (0 or 1)
     * \return that direction's jitter
     */
    Time GetDirectionJitter(std::size_t from) const;

    /**
     * \brief Use fixed random streams for the jitter draws.
     * \param stream the first stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    bool TransmitStart(Ptr<const Packet> p, Ptr<PointToPointNetDevice> src, Time txTime) override;

  private:
    /** \param jitter the Jitter Attribute */
    void SetJitter(Time jitter);
    /** \return the Jitter Attribute */
    Time GetJitter() const;
    /**
     * From now on shape every packet; create the random variable when a jitter is first set
     * (links without one draw nothing, so they change no other object's automatic stream).
     * \param jitter a jitter just set
     */
    void Shape(Time jitter);

    bool m_shaped{false}; //!< jitter or a direction set: TransmitStart shapes every packet
    Time m_delay;         //!< once shaped: the Delay of both directions, unless set apart
    Time m_jitter;        //!< both directions, unless set apart
    std::array<std::optional<Time>, 2> m_delays;  //!< per direction, if set
    std::array<std::optional<Time>, 2> m_jitters; //!< per direction, if set
    std::array<Time, 2> m_lastArrival;            //!< per direction: keeps the order
    Ptr<NormalRandomVariable> m_draw;             //!< N(0, 1), created when needed
    int64_t m_stream{-1};                         //!< AssignStreams' index, if any
};

} // namespace ns3

#endif /* DIVSHARE_JITTER_CHANNEL_H */
