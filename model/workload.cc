/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "workload.h"

#include <algorithm>
#include <set>
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

ClassificationWorkload::ClassificationWorkload(std::string name,
                                               std::shared_ptr<const ClassificationDataset> train,
                                               std::shared_ptr<const ClassificationDataset> test,
                                               DataPartition partition,
                                               ClassifierConfig config,
                                               bool distinctInit)
    : m_name(std::move(name)),
      m_train(std::move(train)),
      m_test(std::move(test)),
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
    std::size_t smallest = m_train->Size();
    std::size_t largest = 0;
    std::size_t classesSum = 0;
    for (const auto& samples : m_partition)
    {
        smallest = std::min(smallest, samples.size());
        largest = std::max(largest, samples.size());
        std::set<int64_t> classes;
        for (auto i : samples)
        {
            classes.insert(m_train->labels[i]);
        }
        classesSum += classes.size();
    }
    std::ostringstream out;
    out << m_name << ": " << m_train->Size() << " train / " << m_test->Size() << " test samples, "
        << m_train->numClasses << " classes, model " << m_config.model << "; "
        << m_partition.size() << " nodes with " << smallest << "-" << largest
        << " samples and " << static_cast<double>(classesSum) / m_partition.size()
        << " classes on average";
    return out.str();
}

} // namespace ns3
