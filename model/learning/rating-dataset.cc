/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "rating-dataset.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>

namespace ns3
{

std::size_t
RatingDataset::Size() const
{
    return ratings.size();
}

std::size_t
RatingDataset::NumUsers() const
{
    return userIds.size();
}

std::size_t
RatingDataset::NumItems() const
{
    return itemIds.size();
}

double
RatingDataset::MeanRating() const
{
    return ratings.empty() ? 0.0
                           : std::accumulate(ratings.begin(), ratings.end(), 0.0) / ratings.size();
}

RatingDataset
RatingDataset::Select(const std::vector<std::size_t>& indices) const
{
    RatingDataset subset;
    subset.userIds = userIds;
    subset.itemIds = itemIds;
    subset.users.reserve(indices.size());
    subset.items.reserve(indices.size());
    subset.ratings.reserve(indices.size());
    for (auto i : indices)
    {
        subset.users.push_back(users.at(i));
        subset.items.push_back(items.at(i));
        subset.ratings.push_back(ratings.at(i));
    }
    return subset;
}

void
SplitRatingsPerUser(const RatingDataset& all,
                    double trainFraction,
                    uint64_t seed,
                    RatingDataset& train,
                    RatingDataset& test)
{
    if (!(trainFraction > 0.0 && trainFraction <= 1.0))
    {
        throw std::invalid_argument("rating split: the training fraction must be in (0, 1], got " +
                                    std::to_string(trainFraction));
    }
    std::vector<std::vector<std::size_t>> byUser(all.NumUsers());
    for (std::size_t i = 0; i < all.Size(); ++i)
    {
        byUser.at(all.users[i]).push_back(i);
    }
    std::mt19937_64 rng(seed);
    std::vector<std::size_t> trainIndices;
    std::vector<std::size_t> testIndices;
    for (auto& owned : byUser)
    {
        if (owned.empty())
        {
            continue;
        }
        std::shuffle(owned.begin(), owned.end(), rng);
        const auto keep = std::clamp<std::size_t>(
            static_cast<std::size_t>(std::llround(trainFraction * owned.size())),
            1,
            owned.size());
        trainIndices.insert(trainIndices.end(), owned.begin(), owned.begin() + keep);
        testIndices.insert(testIndices.end(), owned.begin() + keep, owned.end());
    }
    std::sort(trainIndices.begin(), trainIndices.end());
    std::sort(testIndices.begin(), testIndices.end());
    train = all.Select(trainIndices);
    test = all.Select(testIndices);
}

} // namespace ns3
