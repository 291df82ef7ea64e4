/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_MODEL_FRAGMENTER_H
#define DIVSHARE_MODEL_FRAGMENTER_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Cuts a flat parameter vector into fragments that are random parameter subsets.
 *
 * As in the DivShare reference code, every tensor's indices are permuted at random and the
 * permutation is cut into Ω near-equal slices; fragment i is slice i of every tensor. The
 * permutation depends only on the seed, so every node that shares the seed maps a fragment id
 * to the same parameters and a fragment travels as (id, values) without indices. Every
 * parameter belongs to exactly one fragment.
 */
class ModelFragmenter
{
  public:
    /**
     * \param tensorSizes sizes of the model's tensors in flat-vector order
     * \param fragments number of fragments Ω, between 1 and the parameter count
     * \param seed the experiment-wide seed of the permutations
     * \throws std::invalid_argument for an impossible Ω
     */
    ModelFragmenter(const std::vector<std::size_t>& tensorSizes, uint32_t fragments, uint64_t seed);

    /** \return the number of fragments Ω */
    uint32_t GetFragmentCount() const;
    /** \return the total number of parameters */
    std::size_t GetParameterCount() const;
    /**
     * \param fragment fragment id in [0, Ω)
     * \return the flat indices of that fragment's parameters, ascending
     */
    const std::vector<uint32_t>& GetIndices(uint32_t fragment) const;
    /**
     * \brief Gather one fragment's values from a full model.
     * \param model the flat model
     * \param fragment fragment id
     * \return the values, in GetIndices() order
     */
    std::vector<float> Extract(const std::vector<float>& model, uint32_t fragment) const;

  private:
    std::size_t m_parameters;
    std::vector<std::vector<uint32_t>> m_indices; //!< per fragment
};

} // namespace ns3

#endif /* DIVSHARE_MODEL_FRAGMENTER_H */
