/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_RATING_DATASET_H
#define DIVSHARE_RATING_DATASET_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief (user, item, rating) triples held in memory, shared read-only by all nodes.
 *
 * Users and items are dense indices in [0, NumUsers()) and [0, NumItems()); userIds and itemIds
 * map them back to the raw ids of the source file. A training set and its test set share the
 * same id tables, so an index means the same user or item in both.
 */
struct RatingDataset
{
    std::vector<int64_t> users;   //!< dense user index of every rating
    std::vector<int64_t> items;   //!< dense item index of every rating
    std::vector<float> ratings;   //!< the rating values
    std::vector<int64_t> userIds; //!< raw id of every dense user index, ascending
    std::vector<int64_t> itemIds; //!< raw id of every dense item index, ascending

    /** \return the number of ratings */
    std::size_t Size() const;
    /** \return the number of users in the id table (some may have no rating here) */
    std::size_t NumUsers() const;
    /** \return the number of items in the id table (some may have no rating here) */
    std::size_t NumItems() const;
    /** \return the mean rating, 0 for an empty set */
    double MeanRating() const;
    /**
     * \param indices ratings to keep, in the order wanted
     * \return a data set of those ratings with the same id tables
     */
    RatingDataset Select(const std::vector<std::size_t>& indices) const;
};

/**
 * \ingroup divshare
 * \brief Split every user's ratings at random into a training and a test part.
 *
 * A user with n ratings keeps round(trainFraction * n) of them for training, at least one, so
 * that every user's embedding is trained; the rest are test ratings. Both parts keep the
 * ratings in their original order.
 *
 * \param all the ratings to split
 * \param trainFraction share of each user's ratings used for training, in (0, 1]
 * \param seed seed of the per-user choice
 * \param[out] train the training ratings
 * \param[out] test the test ratings
 * \throws std::invalid_argument for a fraction outside (0, 1]
 */
void SplitRatingsPerUser(const RatingDataset& all,
                         double trainFraction,
                         uint64_t seed,
                         RatingDataset& train,
                         RatingDataset& test);

} // namespace ns3

#endif /* DIVSHARE_RATING_DATASET_H */
