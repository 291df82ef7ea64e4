/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_SYNTHETIC_CLASSIFICATION_H
#define DIVSHARE_SYNTHETIC_CLASSIFICATION_H

#include "classification-dataset.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Parameters of the synthetic Gaussian-mixture classification task.
 */
struct SyntheticClassificationConfig
{
    uint32_t numClasses{10};     //!< number of classes (mixture components)
    uint32_t dimensions{32};     //!< features per sample
    uint32_t trainPerClass{400}; //!< training samples per class
    uint32_t testPerClass{100};  //!< test samples per class
    double separation{0.6};      //!< std-dev of the class means; noise std-dev is 1
    uint64_t seed{1};            //!< the data depend on nothing else
};

/**
 * \ingroup divshare
 * \brief Draw a deterministic Gaussian-mixture classification task.
 *
 * Class c has a mean vector drawn once from N(0, separation^2 I); its samples are the mean
 * plus N(0, I) noise. Train and test sets come from the same mixture and are shuffled.
 * With the default separation a linear model cannot reach 100% accuracy, so learning curves
 * keep moving for a while, and a node that sees only some classes stays far from the
 * accuracy that collaboration reaches.
 *
 * \param config the task's parameters
 * \param[out] train the training set
 * \param[out] test the test set
 */
void MakeSyntheticClassification(const SyntheticClassificationConfig& config,
                                 ClassificationDataset& train,
                                 ClassificationDataset& test);

} // namespace ns3

#endif /* DIVSHARE_SYNTHETIC_CLASSIFICATION_H */
