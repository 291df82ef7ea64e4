/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_MESSAGE_CODEC_H
#define DIVSHARE_MESSAGE_CODEC_H

#include "divshare-header.h"

#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief A decoded model message.
 */
struct ModelMessage
{
    DivShareHeader header;     //!< the header, checksum verified
    std::vector<float> values; //!< header.valueCount values
};

/**
 * \ingroup divshare
 * \brief Serialize a message into real bytes: the header (its value count and checksum set
 * here) followed by the values as little-endian IEEE-754 float32.
 * \param header the header; valueCount and checksum are overwritten
 * \param values the payload
 * \return a packet holding the whole message
 */
Ptr<Packet> EncodeModelMessage(DivShareHeader header, const std::vector<float>& values);

/**
 * \ingroup divshare
 * \brief Cuts a byte stream (one TCP connection) back into messages.
 *
 * Bytes are appended as they arrive; every complete message is decoded and checked. A header
 * that is not well formed or a checksum that does not match makes the stream unusable (its
 * framing can no longer be trusted): Append() then returns false and the caller drops the
 * connection. Nothing in the bytes is trusted before it is checked: a header check set by the
 * receiver sees each well-formed header before its payload is buffered, so a header claiming
 * more values than the receiver expects costs no memory.
 */
class MessageReassembler
{
  public:
    /** Says what is wrong with a header the receiver cannot expect, or nothing. */
    using HeaderCheck = std::function<std::string(const DivShareHeader&)>;

    /** \param check run on every well-formed header before its payload is waited for */
    void SetHeaderCheck(HeaderCheck check);

    /**
     * \brief Append received bytes and decode the messages they complete.
     * \param packet the received bytes
     * \param[out] messages complete messages are appended here
     * \return false if the stream is malformed (see GetError())
     */
    bool Append(Ptr<const Packet> packet, std::vector<ModelMessage>& messages);
    /** \return the bytes of an incomplete message held (non-zero when a stream is cut) */
    uint32_t GetBufferedBytes() const;
    /** \return why the stream was rejected, or an empty string */
    const std::string& GetError() const;

  private:
    /** \brief Decode as many complete messages as the buffer holds. \return false on error */
    bool Decode(std::vector<ModelMessage>& messages);

    std::vector<uint8_t> m_buffer; //!< bytes not yet decoded
    /** Bytes m_buffer must hold before decoding can make progress: a header, or the whole
     * message whose header has been read (a 360-kB model arrives in ~250 segments). */
    std::size_t m_needed{DivShareHeader::SERIALIZED_SIZE};
    std::string m_error; //!< first error seen
    HeaderCheck m_check;
};

} // namespace ns3

#endif /* DIVSHARE_MESSAGE_CODEC_H */
