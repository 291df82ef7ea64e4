/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_MOVIELENS_READER_H
#define DIVSHARE_MOVIELENS_READER_H

#include "rating-dataset.h"

#include <string>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Read a MovieLens "latest" ratings.csv (header userId,movieId,rating,timestamp).
 *
 * Raw user and movie ids are mapped to dense indices in ascending id order, so the mapping
 * depends only on the set of ids in the file. Ratings must lie in [0.5, 5].
 *
 * \param path the ratings.csv file
 * \return the ratings in file order
 * \throws std::runtime_error naming the file, the line, the problem and the fix for a file that
 *         cannot be opened, a wrong header, a line without 4 fields, a field that is not a
 *         number, a rating out of range or a file without ratings
 */
RatingDataset ReadMovieLensCsv(const std::string& path);

/**
 * \ingroup divshare
 * \brief Read a MovieLens 100K u.data (tab-separated user, item, rating, timestamp; no header).
 * \param path the u.data file
 * \return the ratings in file order, ids mapped as in ReadMovieLensCsv
 * \throws std::runtime_error as ReadMovieLensCsv
 */
RatingDataset ReadMovieLens100k(const std::string& path);

/**
 * \ingroup divshare
 * \brief Read the ratings of a MovieLens folder: ratings.csv (ml-latest-small and other
 * "latest" releases) if present, else u.data (ml-100k).
 * \param directory the unpacked MovieLens folder
 * \return the ratings
 * \throws std::runtime_error naming the folder and the fix when it does not exist or holds
 *         neither file, or as the readers above
 */
RatingDataset LoadMovieLens(const std::string& directory);

} // namespace ns3

#endif /* DIVSHARE_MOVIELENS_READER_H */
