/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_TOPOLOGY_UNITS_H
#define DIVSHARE_TOPOLOGY_UNITS_H

#include "ns3/data-rate.h"
#include "ns3/nstime.h"
#include "ns3/queue-size.h"

#include <string>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Parse a rate in bits per second: a number and one of bps, Kbps, Mbps, Gbps, in any
 * letter case (as Kollaps accepts them), e.g. "60Mbps", "12.5mbps".
 *
 * ns-3's own DataRate parser reads "MBps" as megabytes and aborts the program on a bad
 * string; topology files need neither, so they get this strict, throwing parser.
 * \param text the rate
 * \return the rate
 * \throws std::invalid_argument saying what is wrong and what is accepted
 */
DataRate ParseRate(const std::string& text);

/**
 * \ingroup divshare
 * \brief Parse a one-way delay: a number and one of us, ms, s (e.g. "1ms", "0.5ms").
 * \param text the delay
 * \return the delay
 * \throws std::invalid_argument saying what is wrong and what is accepted
 */
Time ParseDelay(const std::string& text);

/**
 * \ingroup divshare
 * \brief Parse a queue size: a positive whole number of packets ("100p") or bytes ("150000B").
 * \param text the size
 * \return the size
 * \throws std::invalid_argument saying what is wrong and what is accepted
 */
QueueSize ParseQueueSize(const std::string& text);

/**
 * \ingroup divshare
 * The most simulated seconds a setting may name: ns-3's Time, 64-bit nanoseconds, holds
 * 9.22e9 s.
 */
constexpr double MAX_SIMULATED_SECONDS = 9.2e9;

/**
 * \ingroup divshare
 * \brief Parse a plain number within bounds.
 * \param text the number
 * \param min the smallest value accepted
 * \param max the largest value accepted
 * \param what what the number is, for the message
 * \return the number
 * \throws std::invalid_argument naming what, the text and the bounds
 */
double ParseNumber(const std::string& text, double min, double max, const std::string& what);

/**
 * \ingroup divshare
 * \brief Parse a probability in [0, 1] (a packet error rate).
 * \param text the number
 * \return the probability
 * \throws std::invalid_argument saying what is wrong
 */
double ParseProbability(const std::string& text);

/**
 * \ingroup divshare
 * \brief Parse a time in seconds written without a unit (Kollaps' schedule times, "12.5").
 * \param text the number
 * \return the time
 * \throws std::invalid_argument saying what is wrong
 */
Time ParseSeconds(const std::string& text);

} // namespace ns3

#endif /* DIVSHARE_TOPOLOGY_UNITS_H */
