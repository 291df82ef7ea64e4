/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_MATRIX_FACTORIZATION_LEARNER_H
#define DIVSHARE_MATRIX_FACTORIZATION_LEARNER_H

#include "learner.h"
#include "rating-dataset.h"

#include <memory>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief How a node trains a matrix-factorization recommender.
 */
struct MatrixFactorizationConfig
{
    uint32_t factors{20};      //!< embedding size (the reference's 20)
    double initRange{0.05};    //!< embeddings start uniform in [-initRange, initRange]
    uint32_t batchSize{8};     //!< mini-batch size of local SGD
    double learningRate{0.05}; //!< plain SGD step size
    uint64_t initSeed{1};      //!< seed of the initial embeddings
    uint64_t samplingSeed{1};  //!< seed of the local mini-batch order
    /**
     * Add a user bias, an item bias and a global offset to the prediction (all starting at 0;
     * (users + items) * (factors + 1) + 1 parameters). The reference model has none, and so
     * predicts about 0 for an item no training rating touched: with a per-user split of
     * ml-latest-small, such items hold about 5% of the test ratings and alone add about 0.5
     * to the test MSE, which keeps the reference model's test RMSE above the global mean's.
     */
    bool biases{false};
};

/**
 * \ingroup divshare
 * \brief Create a matrix-factorization learner (by default the reference's model, no biases).
 *
 * The model is a user embedding table and an item embedding table of config.factors columns,
 * covering every user and item of the data set's id tables, so every node holds the whole
 * model: (users + items) * factors parameters, users first, then items (then, with
 * config.biases, user biases, item biases and the global offset). The prediction is the dot
 * product of the two embeddings (plus the biases); training minimises the mean squared error
 * with plain SGD. Evaluate() returns loss = RMSE and mae = MAE of the raw predictions on the
 * test set, accuracy = NaN.
 *
 * \param config model and optimiser settings
 * \param train the shared training ratings
 * \param localSamples indices of this node's training ratings
 * \param test the shared test ratings used by Evaluate(); same id tables as train
 * \return the learner
 * \throws std::invalid_argument for an empty local set, a zero batch size or factor count, or
 *         train and test sets with different id tables
 */
std::unique_ptr<Learner> CreateMatrixFactorizationLearner(
    const MatrixFactorizationConfig& config,
    std::shared_ptr<const RatingDataset> train,
    std::vector<std::size_t> localSamples,
    std::shared_ptr<const RatingDataset> test);

/**
 * \ingroup divshare
 * \brief The size of the model CreateMatrixFactorizationLearner builds.
 * \param config model settings (factors, biases)
 * \param users number of users
 * \param items number of items
 * \return the number of float parameters
 */
std::size_t MatrixFactorizationParameterCount(const MatrixFactorizationConfig& config,
                                              std::size_t users,
                                              std::size_t items);

} // namespace ns3

#endif /* DIVSHARE_MATRIX_FACTORIZATION_LEARNER_H */
