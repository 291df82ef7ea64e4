/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "classification-dataset.h"

#include <functional>
#include <numeric>
#include <stdexcept>

namespace ns3
{

std::size_t
ClassificationDataset::SampleSize() const
{
    return std::accumulate(sampleShape.begin(),
                           sampleShape.end(),
                           std::size_t{1},
                           std::multiplies<std::size_t>());
}

std::size_t
ClassificationDataset::Size() const
{
    return labels.size();
}

void
ClassificationDataset::Validate(const std::string& what) const
{
    if (sampleShape.empty() || SampleSize() == 0)
    {
        throw std::invalid_argument(what + ": empty sample shape");
    }
    if (numClasses < 2)
    {
        throw std::invalid_argument(what + ": need at least 2 classes, got " +
                                    std::to_string(numClasses));
    }
    if (features.size() != labels.size() * SampleSize())
    {
        throw std::invalid_argument(what + ": " + std::to_string(features.size()) +
                                    " feature values for " + std::to_string(labels.size()) +
                                    " samples of " + std::to_string(SampleSize()) + " values");
    }
    for (std::size_t i = 0; i < labels.size(); ++i)
    {
        if (labels[i] < 0 || labels[i] >= static_cast<int64_t>(numClasses))
        {
            throw std::invalid_argument(what + ": sample " + std::to_string(i) + " has label " +
                                        std::to_string(labels[i]) + ", outside [0, " +
                                        std::to_string(numClasses) + ")");
        }
    }
}

} // namespace ns3
