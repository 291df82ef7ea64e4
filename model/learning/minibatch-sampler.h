/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_MINIBATCH_SAMPLER_H
#define DIVSHARE_MINIBATCH_SAMPLER_H

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Draws a node's mini-batches: epochs over its samples, each in a fresh seeded order.
 *
 * Batches run across epoch boundaries, so every sample is used once per epoch whatever the
 * batch size.
 */
class MinibatchSampler
{
  public:
    /**
     * \param samples the sample indices to draw from; not empty
     * \param seed seed of the epoch orders
     */
    MinibatchSampler(std::vector<std::size_t> samples, uint64_t seed);

    /**
     * \brief Fill a batch with the next sample indices.
     * \param[out] batch receives batch.size() indices
     */
    void Next(std::vector<int64_t>& batch);

    /** \return the number of samples */
    std::size_t Size() const;

  private:
    std::vector<std::size_t> m_order; //!< the samples in the current epoch's order
    std::size_t m_cursor;             //!< next position in m_order
    std::mt19937_64 m_rng;            //!< source of the epoch orders
};

} // namespace ns3

#endif /* DIVSHARE_MINIBATCH_SAMPLER_H */
