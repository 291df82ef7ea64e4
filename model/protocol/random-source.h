/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_RANDOM_SOURCE_H
#define DIVSHARE_RANDOM_SOURCE_H

#include <cstdint>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief A small seeded generator (SplitMix64) with portable bounded draws and shuffles.
 *
 * The standard library's distributions and std::shuffle differ between implementations;
 * the fragment permutations must be identical on every node and every platform, so the
 * protocol layer draws from this instead.
 */
class RandomSource
{
  public:
    /** \param seed the seed */
    explicit RandomSource(uint64_t seed);
    /** \return the next 64 random bits */
    uint64_t Next();
    /**
     * \param bound exclusive upper bound, at least 1
     * \return a uniform integer in [0, bound)
     */
    uint32_t Below(uint32_t bound);

    /** \brief Fisher-Yates shuffle. \param values the values to permute in place */
    template <typename T>
    void Shuffle(std::vector<T>& values)
    {
        for (std::size_t i = values.size(); i > 1; --i)
        {
            std::swap(values[i - 1], values[Below(static_cast<uint32_t>(i))]);
        }
    }

  private:
    uint64_t m_state;
};

} // namespace ns3

#endif /* DIVSHARE_RANDOM_SOURCE_H */
