/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "divshare-header.h"

#include <array>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DivShareHeader);

namespace
{

/** Bytes before the checksum field. */
constexpr uint32_t CHECKSUMMED_HEADER_BYTES = 36;

/** Tables of the reflected CRC-32 (IEEE 802.3) for slicing-by-8, built once. */
const std::array<std::array<uint32_t, 256>, 8>&
CrcTables()
{
    static const auto tables = []() {
        std::array<std::array<uint32_t, 256>, 8> t{};
        for (uint32_t i = 0; i < 256; ++i)
        {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k)
            {
                c = (c & 1) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
            }
            t[0][i] = c;
        }
        for (uint32_t i = 0; i < 256; ++i)
        {
            for (std::size_t s = 1; s < 8; ++s)
            {
                t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xFFU];
            }
        }
        return t;
    }();
    return tables;
}

/** CRC-32 over data, eight bytes per step: the checksum covers every model byte sent. */
uint32_t
CrcUpdate(uint32_t crc, const uint8_t* data, uint32_t size)
{
    const auto& t = CrcTables();
    uint32_t i = 0;
    for (; i + 8 <= size; i += 8)
    {
        const uint32_t low =
            crc ^
            (static_cast<uint32_t>(data[i]) | static_cast<uint32_t>(data[i + 1]) << 8 |
             static_cast<uint32_t>(data[i + 2]) << 16 | static_cast<uint32_t>(data[i + 3]) << 24);
        crc = t[7][low & 0xFFU] ^ t[6][(low >> 8) & 0xFFU] ^ t[5][(low >> 16) & 0xFFU] ^
              t[4][low >> 24] ^ t[3][data[i + 4]] ^ t[2][data[i + 5]] ^ t[1][data[i + 6]] ^
              t[0][data[i + 7]];
    }
    for (; i < size; ++i)
    {
        crc = t[0][(crc ^ data[i]) & 0xFFU] ^ (crc >> 8);
    }
    return crc;
}

} // namespace

TypeId
DivShareHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DivShareHeader")
                            .SetParent<Header>()
                            .SetGroupName("DivShare")
                            .AddConstructor<DivShareHeader>();
    return tid;
}

TypeId
DivShareHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
DivShareHeader::Print(std::ostream& os) const
{
    os << "type=" << static_cast<uint32_t>(type) << " sender=" << sender
       << " iteration=" << iteration << " fragment=" << fragment << "/" << fragments
       << " values=" << valueCount << " sent=" << sendTimeNs << "ns";
}

uint32_t
DivShareHeader::GetSerializedSize() const
{
    return SERIALIZED_SIZE;
}

void
DivShareHeader::Serialize(Buffer::Iterator start) const
{
    start.WriteHtonU32(magic);
    start.WriteU8(version);
    start.WriteU8(type);
    start.WriteHtonU16(reserved);
    start.WriteHtonU32(sender);
    start.WriteHtonU32(iteration);
    start.WriteHtonU32(fragment);
    start.WriteHtonU32(fragments);
    start.WriteHtonU32(valueCount);
    start.WriteHtonU64(static_cast<uint64_t>(sendTimeNs));
    start.WriteHtonU32(checksum);
}

uint32_t
DivShareHeader::Deserialize(Buffer::Iterator start)
{
    magic = start.ReadNtohU32();
    version = start.ReadU8();
    type = start.ReadU8();
    reserved = start.ReadNtohU16();
    sender = start.ReadNtohU32();
    iteration = start.ReadNtohU32();
    fragment = start.ReadNtohU32();
    fragments = start.ReadNtohU32();
    valueCount = start.ReadNtohU32();
    sendTimeNs = static_cast<int64_t>(start.ReadNtohU64());
    checksum = start.ReadNtohU32();
    return SERIALIZED_SIZE;
}

bool
DivShareHeader::IsWellFormed() const
{
    return magic == MAGIC && version == VERSION && (type == FRAGMENT || type == REPLY) &&
           reserved == 0 && fragments > 0 && fragment < fragments && valueCount <= MAX_VALUES;
}

uint32_t
DivShareHeader::GetPayloadSize() const
{
    return valueCount * static_cast<uint32_t>(sizeof(float));
}

uint32_t
DivShareHeader::ComputeChecksum(const uint8_t* payload, uint32_t size) const
{
    Buffer buffer;
    buffer.AddAtStart(SERIALIZED_SIZE);
    Serialize(buffer.Begin());
    uint8_t bytes[SERIALIZED_SIZE];
    buffer.CopyData(bytes, SERIALIZED_SIZE);
    uint32_t crc = CrcUpdate(0xFFFFFFFFU, bytes, CHECKSUMMED_HEADER_BYTES);
    return CrcUpdate(crc, payload, size) ^ 0xFFFFFFFFU;
}

void
DivShareHeader::SetChecksumFor(const uint8_t* payload, uint32_t size)
{
    checksum = ComputeChecksum(payload, size);
}

bool
DivShareHeader::CheckChecksum(const uint8_t* payload, uint32_t size) const
{
    return checksum == ComputeChecksum(payload, size);
}

} // namespace ns3
