/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "synthetic-classification.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <stdexcept>

namespace ns3
{

namespace
{

void
DrawSamples(const std::vector<std::vector<float>>& means,
            uint32_t perClass,
            std::mt19937_64& rng,
            ClassificationDataset& out)
{
    const auto numClasses = static_cast<uint32_t>(means.size());
    const std::size_t dims = means.front().size();
    std::vector<std::size_t> order(static_cast<std::size_t>(numClasses) * perClass);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);

    std::normal_distribution<float> noise(0.0F, 1.0F);
    out.numClasses = numClasses;
    out.sampleShape = {static_cast<int64_t>(dims)};
    out.labels.resize(order.size());
    out.features.resize(order.size() * dims);
    for (std::size_t slot = 0; slot < order.size(); ++slot)
    {
        const auto label = static_cast<uint32_t>(order[slot] / perClass);
        out.labels[slot] = label;
        float* x = out.features.data() + slot * dims;
        for (std::size_t d = 0; d < dims; ++d)
        {
            x[d] = means[label][d] + noise(rng);
        }
    }
}

} // namespace

void
MakeSyntheticClassification(const SyntheticClassificationConfig& config,
                            ClassificationDataset& train,
                            ClassificationDataset& test)
{
    if (config.numClasses < 2 || config.dimensions == 0 || config.trainPerClass == 0 ||
        config.testPerClass == 0 || !(config.separation > 0.0))
    {
        throw std::invalid_argument("synthetic task: need at least 2 classes, 1 dimension, "
                                    "1 train and 1 test sample per class and separation > 0");
    }
    std::mt19937_64 rng(config.seed);
    std::normal_distribution<float> meanDist(0.0F, static_cast<float>(config.separation));
    std::vector<std::vector<float>> means(config.numClasses, std::vector<float>(config.dimensions));
    for (auto& mean : means)
    {
        std::generate(mean.begin(), mean.end(), [&]() { return meanDist(rng); });
    }
    DrawSamples(means, config.trainPerClass, rng, train);
    DrawSamples(means, config.testPerClass, rng, test);
}

} // namespace ns3
