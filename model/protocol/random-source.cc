/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "random-source.h"

namespace ns3
{

RandomSource::RandomSource(uint64_t seed)
    : m_state(seed)
{
}

uint64_t
RandomSource::Next()
{
    uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

uint32_t
RandomSource::Below(uint32_t bound)
{
    // Lemire's multiply-shift with rejection: unbiased and portable.
    const uint64_t threshold = (0x100000000ULL - bound) % bound;
    while (true)
    {
        const uint64_t product = (Next() >> 32) * bound;
        if ((product & 0xffffffffULL) >= threshold)
        {
            return static_cast<uint32_t>(product >> 32);
        }
    }
}

} // namespace ns3
