/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "matrix-factorization-learner.h"

#include "minibatch-sampler.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <torch/torch.h>

namespace ns3
{

namespace
{

/** Views of a shared rating set as tensors, without copying. */
struct RatingTensors
{
    explicit RatingTensors(const RatingDataset& data)
    {
        const auto n = static_cast<int64_t>(data.Size());
        // from_blob needs non-const pointers; these tensors are only ever read.
        users = torch::from_blob(const_cast<int64_t*>(data.users.data()), {n}, torch::kInt64);
        items = torch::from_blob(const_cast<int64_t*>(data.items.data()), {n}, torch::kInt64);
        ratings = torch::from_blob(const_cast<float*>(data.ratings.data()), {n}, torch::kFloat32);
    }

    torch::Tensor users;   //!< dense user index of every rating
    torch::Tensor items;   //!< dense item index of every rating
    torch::Tensor ratings; //!< rating values
};

class MatrixFactorizationLearner : public Learner
{
  public:
    MatrixFactorizationLearner(const MatrixFactorizationConfig& config,
                               std::shared_ptr<const RatingDataset> train,
                               std::vector<std::size_t> localSamples,
                               std::shared_ptr<const RatingDataset> test)
        : m_config(config),
          m_train(std::move(train)),
          m_test(std::move(test)),
          m_sampler(std::move(localSamples), config.samplingSeed),
          m_trainTensors(*m_train),
          m_testTensors(*m_test)
    {
        if (m_sampler.Size() == 0)
        {
            throw std::invalid_argument("matrix factorization: the node has no training ratings");
        }
        if (config.batchSize == 0 || config.factors == 0)
        {
            throw std::invalid_argument(
                "matrix factorization: batch size and factors must be at least 1");
        }
        if (m_train->NumUsers() != m_test->NumUsers() || m_train->NumItems() != m_test->NumItems())
        {
            throw std::invalid_argument(
                "matrix factorization: train and test sets have different user or item tables; "
                "split one data set with SplitRatingsPerUser");
        }
        torch::manual_seed(config.initSeed);
        const auto range = config.initRange;
        const auto factors = static_cast<int64_t>(config.factors);
        m_users = torch::empty({static_cast<int64_t>(m_train->NumUsers()), factors})
                      .uniform_(-range, range)
                      .requires_grad_();
        m_items = torch::empty({static_cast<int64_t>(m_train->NumItems()), factors})
                      .uniform_(-range, range)
                      .requires_grad_();
        m_parameters = {m_users, m_items};
        if (config.biases)
        {
            m_userBias =
                torch::zeros({static_cast<int64_t>(m_train->NumUsers()), 1}).requires_grad_();
            m_itemBias =
                torch::zeros({static_cast<int64_t>(m_train->NumItems()), 1}).requires_grad_();
            m_globalBias = torch::zeros({1}).requires_grad_();
            m_parameters.insert(m_parameters.end(), {m_userBias, m_itemBias, m_globalBias});
        }
        m_optimizer =
            std::make_unique<torch::optim::SGD>(m_parameters,
                                                torch::optim::SGDOptions(config.learningRate));
    }

    double Train(uint32_t steps) override
    {
        double lossSum = 0.0;
        std::vector<int64_t> batch(std::min<std::size_t>(m_config.batchSize, m_sampler.Size()));
        for (uint32_t step = 0; step < steps; ++step)
        {
            m_sampler.Next(batch);
            auto idx =
                torch::from_blob(batch.data(), {static_cast<int64_t>(batch.size())}, torch::kInt64);
            m_optimizer->zero_grad();
            auto loss = torch::mse_loss(Predict(m_trainTensors.users.index_select(0, idx),
                                                m_trainTensors.items.index_select(0, idx)),
                                        m_trainTensors.ratings.index_select(0, idx));
            loss.backward();
            m_optimizer->step();
            lossSum += loss.item<double>();
        }
        return steps == 0 ? 0.0 : lossSum / steps;
    }

    EvaluationResult Evaluate() override
    {
        torch::NoGradGuard noGrad;
        const auto errors =
            Predict(m_testTensors.users, m_testTensors.items) - m_testTensors.ratings;
        const auto n = static_cast<double>(m_test->Size());
        EvaluationResult result;
        result.samples = m_test->Size();
        result.accuracy = std::numeric_limits<double>::quiet_NaN();
        result.loss = n == 0 ? 0.0 : std::sqrt(errors.square().sum().item<double>() / n);
        result.mae = n == 0 ? 0.0 : errors.abs().sum().item<double>() / n;
        return result;
    }

    std::size_t GetLocalSampleCount() const override
    {
        return m_sampler.Size();
    }

  protected:
    std::vector<ParameterSpan> GetParameterSpans() const override
    {
        std::vector<ParameterSpan> spans;
        for (const auto& p : m_parameters)
        {
            spans.push_back({p.data_ptr<float>(), static_cast<std::size_t>(p.numel())});
        }
        return spans;
    }

  private:
    /** \return the predicted ratings of (user, item) pairs */
    torch::Tensor Predict(const torch::Tensor& users, const torch::Tensor& items) const
    {
        // Sparse gradients: a training step touches only the batch's rows, not whole tables.
        const auto rows = [](const torch::Tensor& table, const torch::Tensor& index) {
            return torch::embedding(table, index, -1, false, true);
        };
        auto prediction = (rows(m_users, users) * rows(m_items, items)).sum(1);
        if (m_config.biases)
        {
            prediction = prediction + rows(m_userBias, users).squeeze(1) +
                         rows(m_itemBias, items).squeeze(1) + m_globalBias;
        }
        return prediction;
    }

    MatrixFactorizationConfig m_config;
    std::shared_ptr<const RatingDataset> m_train;
    std::shared_ptr<const RatingDataset> m_test;
    MinibatchSampler m_sampler;
    RatingTensors m_trainTensors;
    RatingTensors m_testTensors;
    torch::Tensor m_users;                   //!< user embeddings, one row per user
    torch::Tensor m_items;                   //!< item embeddings, one row per item
    torch::Tensor m_userBias;                //!< one bias per user (config.biases only)
    torch::Tensor m_itemBias;                //!< one bias per item (config.biases only)
    torch::Tensor m_globalBias;              //!< one global offset (config.biases only)
    std::vector<torch::Tensor> m_parameters; //!< all of the above, in flat-vector order
    std::unique_ptr<torch::optim::SGD> m_optimizer;
};

} // namespace

std::size_t
MatrixFactorizationParameterCount(const MatrixFactorizationConfig& config,
                                  std::size_t users,
                                  std::size_t items)
{
    return config.biases ? (users + items) * (config.factors + 1) + 1
                         : (users + items) * config.factors;
}

std::unique_ptr<Learner>
CreateMatrixFactorizationLearner(const MatrixFactorizationConfig& config,
                                 std::shared_ptr<const RatingDataset> train,
                                 std::vector<std::size_t> localSamples,
                                 std::shared_ptr<const RatingDataset> test)
{
    return std::make_unique<MatrixFactorizationLearner>(config,
                                                        std::move(train),
                                                        std::move(localSamples),
                                                        std::move(test));
}

} // namespace ns3
