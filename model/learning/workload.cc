/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "workload.h"

#include <algorithm>
#include <iterator>
#include <numeric>
#include <random>
#include <sstream>
#include <stdexcept>

namespace ns3
{

Workload::~Workload() = default;

bool
Workload::HasAccuracy() const
{
    return true;
}

std::vector<std::size_t>
DrawTestSubset(std::size_t available, std::size_t size, uint64_t seed, const std::string& what)
{
    if (size > available)
    {
        throw std::invalid_argument(what + ": a test subset of " + std::to_string(size) +
                                    " samples was asked for, but the test set has only " +
                                    std::to_string(available) +
                                    "; ask for at most that many, or 0 for the whole set");
    }
    std::vector<std::size_t> all(available);
    std::iota(all.begin(), all.end(), 0);
    std::vector<std::size_t> subset;
    subset.reserve(size);
    std::sample(all.begin(), all.end(), std::back_inserter(subset), size, std::mt19937_64(seed));
    return subset;
}

std::string
DescribeTestSet(std::size_t used, std::size_t available, uint64_t seed)
{
    if (used == available)
    {
        return "test: all " + std::to_string(available) + " samples";
    }
    return "test: fixed subset of " + std::to_string(used) + " of " + std::to_string(available) +
           " samples (seed " + std::to_string(seed) + ")";
}

ClassificationWorkload::ClassificationWorkload(std::string name,
                                               std::shared_ptr<const ClassificationDataset> train,
                                               std::shared_ptr<const ClassificationDataset> test,
                                               DataPartition partition,
                                               ClassifierConfig config,
                                               bool distinctInit)
    : m_name(std::move(name)),
      m_train(std::move(train)),
      m_fullTest(std::move(test)),
      m_test(m_fullTest),
      m_partition(std::move(partition)),
      m_config(std::move(config)),
      m_distinctInit(distinctInit)
{
    if (m_partition.empty())
    {
        throw std::invalid_argument(m_name + ": the partition has no nodes");
    }
}

std::string
ClassificationWorkload::GetName() const
{
    return m_name;
}

uint32_t
ClassificationWorkload::GetNodeCount() const
{
    return static_cast<uint32_t>(m_partition.size());
}

std::unique_ptr<Learner>
ClassificationWorkload::CreateLearner(uint32_t node) const
{
    if (node >= m_partition.size())
    {
        throw std::out_of_range(m_name + ": node " + std::to_string(node) + " of " +
                                std::to_string(m_partition.size()));
    }
    ClassifierConfig config = m_config;
    if (m_distinctInit)
    {
        config.initSeed += node + 1;
    }
    config.samplingSeed = m_config.samplingSeed * 1000003ULL + node;
    return CreateClassificationLearner(config, m_train, m_partition[node], m_test);
}

std::string
ClassificationWorkload::Describe() const
{
    std::ostringstream out;
    out << m_name << ": " << m_train->Size() << " train / " << m_fullTest->Size()
        << " test samples, " << m_train->numClasses << " classes, model " << m_config.model << "; "
        << DescribeTestSet(m_test->Size(), m_fullTest->Size(), m_testSubsetSeed)
        << "; partition: " << SummarizePartition(m_partition, m_train->labels);
    return out.str();
}

void
ClassificationWorkload::SetTestSubset(std::size_t size, uint64_t seed)
{
    if (size == 0)
    {
        m_test = m_fullTest;
        return;
    }
    const std::size_t sampleSize = m_fullTest->SampleSize();
    auto subset = std::make_shared<ClassificationDataset>();
    subset->sampleShape = m_fullTest->sampleShape;
    subset->numClasses = m_fullTest->numClasses;
    for (auto i : DrawTestSubset(m_fullTest->Size(), size, seed, m_name))
    {
        subset->labels.push_back(m_fullTest->labels[i]);
        const auto first = m_fullTest->features.begin() + i * sampleSize;
        subset->features.insert(subset->features.end(), first, first + sampleSize);
    }
    m_test = subset;
    m_testSubsetSeed = seed;
}

} // namespace ns3
