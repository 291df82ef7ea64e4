/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_CIFAR10_READER_H
#define DIVSHARE_CIFAR10_READER_H

#include "classification-dataset.h"

#include <cstddef>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Bytes of one record of the CIFAR-10 binary layout: 1 label byte, then the 32x32
 * pixels as a red, a green and a blue plane.
 */
constexpr std::size_t CIFAR10_RECORD_BYTES = 1 + 3 * 32 * 32;

/**
 * \ingroup divshare
 * \brief Records in each file of the official CIFAR-10 binary distribution.
 */
constexpr std::size_t CIFAR10_RECORDS_PER_FILE = 10000;

/**
 * \ingroup divshare
 * \brief Read files in the CIFAR-10 binary layout into one data set, in file and record order.
 *
 * Each file must hold exactly recordsPerFile records (the official files hold
 * CIFAR10_RECORDS_PER_FILE; tests use smaller fixtures). Pixels are normalised with mean 0.5
 * and standard deviation 0.5, (x / 255 - 0.5) / 0.5, so that inputs lie in [-1, 1] as in the
 * reference code; samples have shape {3, 32, 32} and 10 classes.
 *
 * \param paths the files to read
 * \param recordsPerFile the exact number of records every file must hold
 * \return the samples of all files
 * \throws std::runtime_error naming the file for a file that cannot be opened or read, a size
 *         other than recordsPerFile * CIFAR10_RECORD_BYTES, or a label byte above 9
 */
ClassificationDataset ReadCifar10Files(const std::vector<std::string>& paths,
                                       std::size_t recordsPerFile);

/**
 * \ingroup divshare
 * \brief Load the official CIFAR-10 binary distribution from a directory.
 *
 * The directory (the "cifar-10-batches-bin" folder of the official archive) must hold
 * data_batch_1.bin ... data_batch_5.bin (50,000 training images) and test_batch.bin (10,000
 * test images), each of exactly CIFAR10_RECORDS_PER_FILE records.
 *
 * \param directory the folder holding the files
 * \param[out] train the 50,000 training samples
 * \param[out] test the 10,000 test samples
 * \throws std::runtime_error naming the directory or file and the fix when the directory or a
 *         file is missing, or a file is malformed (see ReadCifar10Files)
 */
void LoadCifar10(const std::string& directory,
                 ClassificationDataset& train,
                 ClassificationDataset& test);

} // namespace ns3

#endif /* DIVSHARE_CIFAR10_READER_H */
