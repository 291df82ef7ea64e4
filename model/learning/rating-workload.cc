/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "rating-workload.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace ns3
{

RatingWorkload::RatingWorkload(std::string name,
                               std::shared_ptr<const RatingDataset> train,
                               std::shared_ptr<const RatingDataset> test,
                               DataPartition userPartition,
                               MatrixFactorizationConfig config)
    : m_name(std::move(name)),
      m_train(std::move(train)),
      m_fullTest(std::move(test)),
      m_test(m_fullTest),
      m_userPartition(std::move(userPartition)),
      m_ratingPartition(m_userPartition.size()),
      m_config(config)
{
    if (m_userPartition.empty())
    {
        throw std::invalid_argument(m_name + ": the partition has no nodes");
    }
    std::vector<uint32_t> owner(m_train->NumUsers(), UINT32_MAX);
    for (uint32_t node = 0; node < m_userPartition.size(); ++node)
    {
        for (auto user : m_userPartition[node])
        {
            owner.at(user) = node;
        }
    }
    for (std::size_t i = 0; i < m_train->Size(); ++i)
    {
        const auto node = owner[m_train->users[i]];
        if (node != UINT32_MAX)
        {
            m_ratingPartition[node].push_back(i);
        }
    }
    for (uint32_t node = 0; node < m_ratingPartition.size(); ++node)
    {
        if (m_ratingPartition[node].empty())
        {
            throw std::invalid_argument(m_name + ": the users of node " + std::to_string(node) +
                                        " have no training ratings; use fewer nodes");
        }
    }
}

std::string
RatingWorkload::GetName() const
{
    return m_name;
}

uint32_t
RatingWorkload::GetNodeCount() const
{
    return static_cast<uint32_t>(m_userPartition.size());
}

std::unique_ptr<Learner>
RatingWorkload::CreateLearner(uint32_t node) const
{
    if (node >= m_userPartition.size())
    {
        throw std::out_of_range(m_name + ": node " + std::to_string(node) + " of " +
                                std::to_string(m_userPartition.size()));
    }
    MatrixFactorizationConfig config = m_config;
    config.samplingSeed = m_config.samplingSeed * 1000003ULL + node;
    return CreateMatrixFactorizationLearner(config, m_train, m_ratingPartition[node], m_test);
}

std::string
RatingWorkload::Describe() const
{
    const auto [fewest, most] =
        std::minmax_element(m_ratingPartition.begin(),
                            m_ratingPartition.end(),
                            [](const auto& a, const auto& b) { return a.size() < b.size(); });
    std::ostringstream out;
    out << m_name << ": " << m_train->Size() << " train / " << m_fullTest->Size()
        << " test ratings, " << m_train->NumUsers() << " users, " << m_train->NumItems()
        << " items, matrix factorization with " << m_config.factors << " factors"
        << (m_config.biases ? " and biases (" : " (")
        << MatrixFactorizationParameterCount(m_config, m_train->NumUsers(), m_train->NumItems())
        << " parameters); " << DescribeTestSet(m_test->Size(), m_fullTest->Size(), m_testSubsetSeed)
        << "; " << m_userPartition.size() << " nodes with " << fewest->size() << "-" << most->size()
        << " training ratings; node:users/ratings";
    for (std::size_t node = 0; node < m_userPartition.size(); ++node)
    {
        out << " " << node << ":" << m_userPartition[node].size() << "/"
            << m_ratingPartition[node].size();
    }
    return out.str();
}

bool
RatingWorkload::HasAccuracy() const
{
    return false;
}

void
RatingWorkload::SetTestSubset(std::size_t size, uint64_t seed)
{
    m_test = size == 0 ? m_fullTest
                       : std::make_shared<const RatingDataset>(m_fullTest->Select(
                             DrawTestSubset(m_fullTest->Size(), size, seed, m_name)));
    m_testSubsetSeed = seed;
}

EvaluationResult
RatingWorkload::EvaluateGlobalMean() const
{
    const double mean = m_train->MeanRating();
    double squares = 0.0;
    double absolutes = 0.0;
    for (auto rating : m_test->ratings)
    {
        squares += (rating - mean) * (rating - mean);
        absolutes += std::abs(rating - mean);
    }
    const auto n = static_cast<double>(m_test->Size());
    EvaluationResult result;
    result.samples = m_test->Size();
    result.accuracy = std::numeric_limits<double>::quiet_NaN();
    result.loss = n == 0 ? 0.0 : std::sqrt(squares / n);
    result.mae = n == 0 ? 0.0 : absolutes / n;
    return result;
}

} // namespace ns3
