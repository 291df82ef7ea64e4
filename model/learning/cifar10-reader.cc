/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "cifar10-reader.h"

#include "input-file.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace ns3
{

namespace
{

/** Where to get the data, appended to every error about the files themselves. */
const std::string CIFAR10_FIX =
    "; download and unpack the official binary version (cifar-10-binary.tar.gz from "
    "https://www.cs.toronto.edu/~kriz/cifar.html) and pass its cifar-10-batches-bin folder";

} // namespace

ClassificationDataset
ReadCifar10Files(const std::vector<std::string>& paths, std::size_t recordsPerFile)
{
    constexpr std::size_t pixels = CIFAR10_RECORD_BYTES - 1;
    const std::size_t expectedBytes = recordsPerFile * CIFAR10_RECORD_BYTES;
    ClassificationDataset data;
    data.sampleShape = {3, 32, 32};
    data.numClasses = 10;
    data.labels.reserve(paths.size() * recordsPerFile);
    data.features.reserve(paths.size() * recordsPerFile * pixels);
    std::vector<unsigned char> bytes(expectedBytes);
    for (const auto& path : paths)
    {
        std::ifstream in;
        try
        {
            in = OpenInputFile(path, "CIFAR-10 file", std::ios::binary | std::ios::ate);
        }
        catch (const std::invalid_argument& error)
        {
            throw std::runtime_error(error.what() + std::string(CIFAR10_FIX));
        }
        const auto size = static_cast<std::size_t>(in.tellg());
        if (size != expectedBytes)
        {
            throw std::runtime_error(
                "CIFAR-10: " + path + " has " + std::to_string(size) + " bytes, expected " +
                std::to_string(expectedBytes) + " (" + std::to_string(recordsPerFile) +
                " records of " + std::to_string(CIFAR10_RECORD_BYTES) +
                " bytes); the file is truncated or not in the binary layout" + CIFAR10_FIX);
        }
        in.seekg(0);
        if (!in.read(reinterpret_cast<char*>(bytes.data()),
                     static_cast<std::streamsize>(expectedBytes)))
        {
            throw std::runtime_error("CIFAR-10: reading " + path + " failed" + CIFAR10_FIX);
        }
        for (std::size_t record = 0; record < recordsPerFile; ++record)
        {
            const unsigned char* r = bytes.data() + record * CIFAR10_RECORD_BYTES;
            if (r[0] >= data.numClasses)
            {
                throw std::runtime_error("CIFAR-10: " + path + " record " + std::to_string(record) +
                                         " has label " + std::to_string(r[0]) +
                                         ", outside 0-9; the file is corrupt or not CIFAR-10 "
                                         "(CIFAR-100 files have 2 label bytes)" +
                                         CIFAR10_FIX);
            }
            data.labels.push_back(r[0]);
            for (std::size_t p = 1; p <= pixels; ++p)
            {
                data.features.push_back((r[p] / 255.0F - 0.5F) / 0.5F);
            }
        }
    }
    return data;
}

void
LoadCifar10(const std::string& directory, ClassificationDataset& train, ClassificationDataset& test)
{
    namespace fs = std::filesystem;
    std::error_code error;
    if (!fs::is_directory(directory, error))
    {
        throw std::runtime_error("CIFAR-10: directory '" + directory + "' does not exist" +
                                 CIFAR10_FIX);
    }
    std::vector<std::string> trainFiles;
    for (int batch = 1; batch <= 5; ++batch)
    {
        trainFiles.push_back(
            (fs::path(directory) / ("data_batch_" + std::to_string(batch) + ".bin")).string());
    }
    const std::string testFile = (fs::path(directory) / "test_batch.bin").string();
    // Check every file before reading any: reading the training set takes seconds.
    auto all = trainFiles;
    all.push_back(testFile);
    for (const auto& file : all)
    {
        if (!fs::exists(file, error))
        {
            throw std::runtime_error("CIFAR-10: " + file +
                                     " is missing; the folder needs data_batch_1.bin ... "
                                     "data_batch_5.bin and test_batch.bin" +
                                     CIFAR10_FIX);
        }
    }
    train = ReadCifar10Files(trainFiles, CIFAR10_RECORDS_PER_FILE);
    test = ReadCifar10Files({testFile}, CIFAR10_RECORDS_PER_FILE);
}

} // namespace ns3
