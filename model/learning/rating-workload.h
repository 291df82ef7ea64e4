/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_RATING_WORKLOAD_H
#define DIVSHARE_RATING_WORKLOAD_H

#include "data-partition.h"
#include "learner.h"
#include "matrix-factorization-learner.h"
#include "rating-dataset.h"
#include "workload.h"

#include <memory>
#include <string>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief A rating-prediction task: nodes own users, and train a shared matrix-factorization
 * model on their users' training ratings.
 *
 * Node i trains on the training ratings of the users in userPartition[i]. All nodes start from
 * the same embeddings (config.initSeed, as in the reference code) and draw their mini-batches
 * from the run seed and their index. There is no accuracy: Evaluate() gives loss = RMSE and
 * mae = MAE.
 */
class RatingWorkload : public Workload
{
  public:
    /**
     * \param name short name for outputs
     * \param train shared training ratings
     * \param test shared test ratings, with the same id tables
     * \param userPartition dense user indices per node
     * \param config model recipe; its seeds are the bases of the per-node seeds
     * \throws std::invalid_argument for an empty partition or a node whose users have no
     *         training rating
     */
    RatingWorkload(std::string name,
                   std::shared_ptr<const RatingDataset> train,
                   std::shared_ptr<const RatingDataset> test,
                   DataPartition userPartition,
                   MatrixFactorizationConfig config);

    std::string GetName() const override;
    uint32_t GetNodeCount() const override;
    std::unique_ptr<Learner> CreateLearner(uint32_t node) const override;
    std::string Describe() const override;
    bool HasAccuracy() const override;
    void SetTestSubset(std::size_t size, uint64_t seed) override;

    /**
     * \brief The baseline every model should beat: predict the mean training rating for all.
     * \return its RMSE (loss) and MAE on the evaluated test ratings; accuracy is NaN
     */
    EvaluationResult EvaluateGlobalMean() const;

  private:
    std::string m_name;
    std::shared_ptr<const RatingDataset> m_train;
    std::shared_ptr<const RatingDataset> m_fullTest; //!< all test ratings
    std::shared_ptr<const RatingDataset> m_test;     //!< the test ratings evaluated
    uint64_t m_testSubsetSeed{0};                    //!< seed of m_test if a subset
    DataPartition m_userPartition;                   //!< users per node
    DataPartition m_ratingPartition;                 //!< training ratings per node
    MatrixFactorizationConfig m_config;
};

} // namespace ns3

#endif /* DIVSHARE_RATING_WORKLOAD_H */
