/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_CROSS_TRAFFIC_FLOW_H
#define DIVSHARE_CROSS_TRAFFIC_FLOW_H

#include "ns3/data-rate.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief One competing flow between two named nodes (learning hosts or endpoints).
 *
 * Text form (scenario keys, topology files' `traffic` lines, command lines):
 *
 *     bulk  FROM TO [start=0s] [stop=END] [maxBytes=0]
 *     onoff FROM TO rate=10Mbps [on=1s] [off=0s] [size=1400] [start=0s] [stop=END]
 *
 * `bulk` is a TCP BulkSend (maxBytes 0: as much as TCP can carry); `onoff` is UDP at `rate`
 * while on (constant on and off periods, `size`-byte datagrams).
 */
struct CrossTrafficFlow
{
    /** The flow's kind. */
    enum Kind
    {
        BULK,  //!< TCP bulk transfer
        ONOFF, //!< UDP on/off at a constant rate while on
    };

    Kind kind{BULK};           //!< the kind
    std::string from;          //!< source node name
    std::string to;            //!< destination node name
    Time start{Seconds(0)};    //!< start time
    std::optional<Time> stop;  //!< stop time (unset: end of the run)
    uint64_t maxBytes{0};      //!< bulk: bytes to send (0: unlimited)
    DataRate rate{"10Mbps"};   //!< onoff: rate while on
    Time onTime{Seconds(1)};   //!< onoff: on period
    Time offTime{Seconds(0)};  //!< onoff: off period
    uint32_t packetSize{1400}; //!< onoff: datagram payload bytes

    /**
     * \brief Parse the text form.
     * \param words the kind, FROM, TO, then key=value words
     * \return the flow
     * \throws std::invalid_argument naming the faulty word
     */
    static CrossTrafficFlow Parse(const std::vector<std::string>& words);
    /**
     * \param text the text form, words separated by spaces
     * \return the flow
     * \throws std::invalid_argument naming the faulty word
     */
    static CrossTrafficFlow Parse(const std::string& text);
};

} // namespace ns3

#endif /* DIVSHARE_CROSS_TRAFFIC_FLOW_H */
