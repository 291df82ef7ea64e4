/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_HEADER_H
#define DIVSHARE_HEADER_H

#include "ns3/header.h"
#include "ns3/nstime.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Header of every model message; float32 values follow it on the wire.
 *
 * Layout (network byte order, 40 bytes):
 * \verbatim
   0  magic "DSHR" (4)   4 version (1)   5 type (1)   6 reserved (2), must be zero
   8  sender (4)        12 iteration (4)
   16 fragment id (4)   20 fragment count Ω (4)
   24 value count (4)   28 send time, ns (8)
   36 checksum (4): CRC-32 of bytes 0..35 as sent, followed by the little-endian float32
                    payload
   \endverbatim
 * A full model is fragment 0 of 1. Deserialize() reads whatever bytes it is given;
 * IsWellFormed() says whether they can be trusted, and the checksum is verified against
 * the payload by the reassembler.
 *
 * Version 2 differs from version 1 only in that the reserved bytes are kept as received,
 * so they must be zero and are covered by the checksum. No version-1 bytes exist outside a
 * running simulation, so there is no version-1 decoder.
 */
class DivShareHeader : public Header
{
  public:
    /** What the message carries. */
    enum MessageType : uint8_t
    {
        FRAGMENT = 1, //!< part (or all) of the sender's model, pushed to the receiver
        REPLY = 2,    //!< the receiver's model sent back in answer to a push (AD-PSGD)
    };

    static constexpr uint32_t MAGIC = 0x44534852;   //!< "DSHR"
    static constexpr uint8_t VERSION = 2;           //!< wire format version
    static constexpr uint32_t SERIALIZED_SIZE = 40; //!< header bytes
    /** 256 MiB of floats, the most any message may claim whatever the receiver expects. */
    static constexpr uint32_t MAX_VALUES = 1U << 26;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;

    /** \return true if magic, version, type, reserved bytes and counts are consistent and in
     * range */
    bool IsWellFormed() const;
    /** \return the payload size in bytes */
    uint32_t GetPayloadSize() const;

    /**
     * \brief Compute the checksum of this header (checksum field excluded) and a payload,
     * and store it in the header.
     * \param payload the payload bytes
     * \param size their number
     */
    void SetChecksumFor(const uint8_t* payload, uint32_t size);
    /**
     * \param payload the payload bytes
     * \param size their number
     * \return true if the stored checksum matches this header and that payload
     */
    bool CheckChecksum(const uint8_t* payload, uint32_t size) const;

    uint32_t magic{MAGIC};    //!< must be MAGIC
    uint8_t version{VERSION}; //!< must be VERSION
    uint8_t type{FRAGMENT};   //!< a MessageType
    uint16_t reserved{0};     //!< must be zero
    uint32_t sender{0};       //!< sender's node index
    uint32_t iteration{0};    //!< sender's iteration that produced the values
    uint32_t fragment{0};     //!< fragment id in [0, fragments)
    uint32_t fragments{1};    //!< Ω of the sender's fragmenter
    uint32_t valueCount{0};   //!< float32 values that follow
    int64_t sendTimeNs{0};    //!< simulated time at which the transfer started
    uint32_t checksum{0};     //!< see SetChecksumFor()

  private:
    /** \return the CRC-32 of the serialized bytes before the checksum, then the payload */
    uint32_t ComputeChecksum(const uint8_t* payload, uint32_t size) const;
};

} // namespace ns3

#endif /* DIVSHARE_HEADER_H */
