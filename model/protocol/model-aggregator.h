/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_MODEL_AGGREGATOR_H
#define DIVSHARE_MODEL_AGGREGATOR_H

#include "fragment-inbox.h"
#include "model-fragmenter.h"

#include <cstddef>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Count-weighted, per-coordinate averaging of a model with received fragments.
 *
 * For every coordinate k: x[k] <- (x_own[k] + sum of received values for k) / (1 + count[k]),
 * where count[k] is how many inbox entries cover k. Coordinates nobody sent stay as they are.
 * The scratch buffers are kept between calls so that aggregation allocates nothing.
 */
class ModelAggregator
{
  public:
    /** What one aggregation did. */
    struct Stats
    {
        std::size_t fragments{0};   //!< inbox entries averaged in
        std::size_t coordinates{0}; //!< coordinates that received at least one value
    };

    /**
     * \brief Average the inbox into the model.
     * \param model the node's flat model, updated in place
     * \param inbox the received fragments (left unchanged)
     * \param fragmenter maps fragment ids to coordinates
     * \return what was averaged
     */
    Stats Aggregate(std::vector<float>& model,
                    const FragmentInbox& inbox,
                    const ModelFragmenter& fragmenter);

  private:
    std::vector<float> m_sum;
    std::vector<float> m_count;
};

} // namespace ns3

#endif /* DIVSHARE_MODEL_AGGREGATOR_H */
