/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "message-codec.h"

#include <cstring>

namespace ns3
{

namespace
{

bool
HostIsLittleEndian()
{
    const uint16_t probe = 1;
    uint8_t first;
    std::memcpy(&first, &probe, 1);
    return first == 1;
}

/** Copy n float32 values to or from their little-endian wire form (same either way). */
void
CopyLittleEndianFloats(const void* from, void* to, std::size_t n)
{
    if (n == 0)
    {
        return; // an empty vector's data() may be null, which memcpy must not get
    }
    std::memcpy(to, from, n * sizeof(float));
    if (!HostIsLittleEndian())
    {
        auto* bytes = static_cast<uint8_t*>(to);
        for (std::size_t i = 0; i < n; ++i)
        {
            std::swap(bytes[4 * i], bytes[4 * i + 3]);
            std::swap(bytes[4 * i + 1], bytes[4 * i + 2]);
        }
    }
}

} // namespace

Ptr<Packet>
EncodeModelMessage(DivShareHeader header, const std::vector<float>& values)
{
    header.valueCount = static_cast<uint32_t>(values.size());
    std::vector<uint8_t> payload(header.GetPayloadSize());
    CopyLittleEndianFloats(values.data(), payload.data(), values.size());
    header.SetChecksumFor(payload.data(), header.GetPayloadSize());
    auto packet = Create<Packet>(payload.data(), header.GetPayloadSize());
    packet->AddHeader(header);
    return packet;
}

bool
MessageReassembler::Append(Ptr<const Packet> packet, std::vector<ModelMessage>& messages)
{
    if (!m_error.empty())
    {
        return false;
    }
    const std::size_t old = m_buffer.size();
    m_buffer.resize(old + packet->GetSize());
    packet->CopyData(m_buffer.data() + old, packet->GetSize());
    return m_buffer.size() < m_needed || Decode(messages);
}

bool
MessageReassembler::Decode(std::vector<ModelMessage>& messages)
{
    std::size_t offset = 0;
    while (m_buffer.size() - offset >= DivShareHeader::SERIALIZED_SIZE)
    {
        Buffer raw;
        raw.AddAtStart(DivShareHeader::SERIALIZED_SIZE);
        raw.Begin().Write(m_buffer.data() + offset, DivShareHeader::SERIALIZED_SIZE);
        DivShareHeader header;
        header.Deserialize(raw.Begin());
        if (!header.IsWellFormed())
        {
            m_error = "malformed header";
            break;
        }
        if (m_check)
        {
            m_error = m_check(header);
            if (!m_error.empty())
            {
                break;
            }
        }
        const std::size_t total = DivShareHeader::SERIALIZED_SIZE + header.GetPayloadSize();
        if (m_buffer.size() - offset < total)
        {
            m_needed = total; // counted from offset, which is erased below
            break;
        }
        m_needed = DivShareHeader::SERIALIZED_SIZE;
        const uint8_t* payload = m_buffer.data() + offset + DivShareHeader::SERIALIZED_SIZE;
        if (!header.CheckChecksum(payload, header.GetPayloadSize()))
        {
            m_error = "checksum mismatch";
            break;
        }
        ModelMessage message;
        message.header = header;
        message.values.resize(header.valueCount);
        CopyLittleEndianFloats(payload, message.values.data(), header.valueCount);
        messages.push_back(std::move(message));
        offset += total;
    }
    m_buffer.erase(m_buffer.begin(), m_buffer.begin() + offset);
    return m_error.empty();
}

void
MessageReassembler::SetHeaderCheck(HeaderCheck check)
{
    m_check = std::move(check);
}

uint32_t
MessageReassembler::GetBufferedBytes() const
{
    return static_cast<uint32_t>(m_buffer.size());
}

const std::string&
MessageReassembler::GetError() const
{
    return m_error;
}

} // namespace ns3
