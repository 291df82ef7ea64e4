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
        auto users = torch::empty({static_cast<int64_t>(m_train->NumUsers()), factors})
                         .uniform_(-range, range)
                         .requires_grad_();
        auto items = torch::empty({static_cast<int64_t>(m_train->NumItems()), factors})
                         .uniform_(-range, range)
                         .requires_grad_();
        m_parameters = {users, items};
        if (config.biases)
        {
            m_parameters.insert(
                m_parameters.end(),
                {torch::zeros({static_cast<int64_t>(m_train->NumUsers()), 1}).requires_grad_(),
                 torch::zeros({static_cast<int64_t>(m_train->NumItems()), 1}).requires_grad_(),
                 torch::zeros({1}).requires_grad_()});
        }
        for (const auto& p : m_parameters)
        {
            m_parameterCount += static_cast<std::size_t>(p.numel());
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
            auto loss = torch::mse_loss(Predict(m_parameters,
                                                m_trainTensors.users.index_select(0, idx),
                                                m_trainTensors.items.index_select(0, idx)),
                                        m_trainTensors.ratings.index_select(0, idx));
            loss.backward();
            m_optimizer->step();
            lossSum += loss.item<double>();
        }
        return steps == 0 ? 0.0 : lossSum / steps;
    }

    EvaluationResult Evaluate(const std::vector<float>& parameters) const override
    {
        if (parameters.size() != m_parameterCount)
        {
            throw std::invalid_argument("matrix factorization: got " +
                                        std::to_string(parameters.size()) +
                                        " values to evaluate a model of " +
                                        std::to_string(m_parameterCount) + " parameters");
        }
        c10::InferenceMode inference;
        // Views of the snapshot in the tables' shapes: nothing Train() writes is read.
        std::vector<torch::Tensor> tables;
        auto* next = const_cast<float*>(parameters.data()); // only ever read
        for (const auto& p : m_parameters)
        {
            tables.push_back(torch::from_blob(next, p.sizes(), torch::kFloat32));
            next += p.numel();
        }
        const auto errors =
            Predict(tables, m_testTensors.users, m_testTensors.items) - m_testTensors.ratings;
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
    /**
     * \param tables the model's tables in m_parameters order (users, items, then the biases)
     * \param users user of every pair
     * \param items item of every pair
     * \return the predicted ratings of (user, item) pairs
     */
    torch::Tensor Predict(const std::vector<torch::Tensor>& tables,
                          const torch::Tensor& users,
                          const torch::Tensor& items) const
    {
        // Sparse gradients: a training step touches only the batch's rows, not whole tables.
        const auto rows = [](const torch::Tensor& table, const torch::Tensor& index) {
            return torch::embedding(table, index, -1, false, true);
        };
        auto prediction = (rows(tables[0], users) * rows(tables[1], items)).sum(1);
        if (m_config.biases)
        {
            prediction = prediction + rows(tables[2], users).squeeze(1) +
                         rows(tables[3], items).squeeze(1) + tables[4];
        }
        return prediction;
    }

    MatrixFactorizationConfig m_config;
    std::shared_ptr<const RatingDataset> m_train;
    std::shared_ptr<const RatingDataset> m_test;
    MinibatchSampler m_sampler;
    RatingTensors m_trainTensors;
    RatingTensors m_testTensors;
    /**
     * The model's tables in flat-vector order: user and item embeddings (one row per user or
     * item), then, with config.biases, one bias per user, one per item and a global offset.
     */
    std::vector<torch::Tensor> m_parameters;
    std::size_t m_parameterCount{0}; //!< values in m_parameters
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
    return MakeLearnerChecked("matrix factorization", [&]() -> std::unique_ptr<Learner> {
        return std::make_unique<MatrixFactorizationLearner>(config,
                                                            std::move(train),
                                                            std::move(localSamples),
                                                            std::move(test));
    });
}

} // namespace ns3
