/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_CLASSIFICATION_LEARNER_H
#define DIVSHARE_CLASSIFICATION_LEARNER_H

#include "classification-dataset.h"
#include "learner.h"

#include <memory>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief How a node trains a classifier.
 */
struct ClassifierConfig
{
    /**
     * Architecture: "gn-lenet" (the paper's CIFAR-10 model: 3 conv 5x5 layers of 32, 32, 64
     * channels, GroupNorm(2), 2x2 max-pool, Linear(1024, 10); needs 3x32x32 inputs) or "mlp"
     * (one hidden ReLU layer of mlpHidden units; any input shape).
     */
    std::string model{"mlp"};
    uint32_t mlpHidden{128};   //!< hidden units of "mlp"
    uint32_t batchSize{8};     //!< mini-batch size of local SGD
    double learningRate{0.05}; //!< plain SGD step size
    uint64_t initSeed{1};      //!< seed of the initial weights
    uint64_t samplingSeed{1};  //!< seed of the local mini-batch order
};

/**
 * \ingroup divshare
 * \brief Create a LibTorch classifier that trains on some samples of a shared training set.
 * \param config architecture and optimiser settings
 * \param train the shared training set
 * \param localSamples indices of this node's training samples
 * \param test the shared test set used by Evaluate()
 * \return the learner
 * \throws std::invalid_argument for an unknown model, a shape the model cannot take, an
 *         empty local set or a zero batch size
 */
std::unique_ptr<Learner> CreateClassificationLearner(
    const ClassifierConfig& config,
    std::shared_ptr<const ClassificationDataset> train,
    std::vector<std::size_t> localSamples,
    std::shared_ptr<const ClassificationDataset> test);

} // namespace ns3

#endif /* DIVSHARE_CLASSIFICATION_LEARNER_H */
