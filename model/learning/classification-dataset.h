/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_CLASSIFICATION_DATASET_H
#define DIVSHARE_CLASSIFICATION_DATASET_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Labelled samples held in memory as float32 features, shared read-only by all nodes.
 *
 * Sample i occupies features[i * SampleSize() ... (i + 1) * SampleSize()), laid out as
 * sampleShape (for images: channels, height, width).
 */
struct ClassificationDataset
{
    std::vector<float> features;      //!< all samples, one after another
    std::vector<int64_t> labels;      //!< one label in [0, numClasses) per sample
    std::vector<int64_t> sampleShape; //!< shape of one sample, e.g. {3, 32, 32}
    uint32_t numClasses{0};           //!< number of classes

    /** \return the number of floats in one sample */
    std::size_t SampleSize() const;
    /** \return the number of samples */
    std::size_t Size() const;
    /**
     * \brief Check the invariants (sizes agree, labels in range).
     * \param what name used in the error message, e.g. a file name
     * \throws std::invalid_argument naming the first violation
     */
    void Validate(const std::string& what) const;
};

} // namespace ns3

#endif /* DIVSHARE_CLASSIFICATION_DATASET_H */
