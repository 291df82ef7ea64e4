/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of the real workloads (CIFAR-10, MovieLens) on small fixture files that the tests
// write themselves in the real formats, and of the partitions and test subsets.

#include "divshare-test-fixtures.h"

#include "ns3/cifar10-reader.h"
#include "ns3/classification-learner.h"
#include "ns3/data-partition.h"
#include "ns3/matrix-factorization-learner.h"
#include "ns3/movielens-reader.h"
#include "ns3/rating-dataset.h"
#include "ns3/rating-workload.h"
#include "ns3/synthetic-classification.h"
#include "ns3/test.h"
#include "ns3/workload-factory.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <numeric>
#include <set>

using namespace ns3;
using ns3::divshare_tests::TempDir;

namespace
{

/** Write text or bytes to a file. */
void
WriteFile(const std::string& path, const std::string& content)
{
    std::ofstream(path, std::ios::binary) << content;
}

/** The pixel byte the fixtures store at a position of a record: a pattern using all values. */
unsigned char
FixturePixel(std::size_t record, std::size_t pixel)
{
    return static_cast<unsigned char>((record * 7 + pixel * 13) % 256);
}

/** \return records in the CIFAR-10 binary layout with the given labels, pixels as above */
std::string
CifarRecords(const std::vector<int>& labels, std::size_t firstRecord = 0)
{
    std::string bytes;
    for (std::size_t r = 0; r < labels.size(); ++r)
    {
        bytes.push_back(static_cast<char>(labels[r]));
        for (std::size_t p = 0; p < CIFAR10_RECORD_BYTES - 1; ++p)
        {
            bytes.push_back(static_cast<char>(FixturePixel(firstRecord + r, p)));
        }
    }
    return bytes;
}

/**
 * \return the message of the exception fn throws, or "(no exception)"; the tests check that it
 *         names the file and the problem
 */
std::string
ErrorOf(const std::function<void()>& fn)
{
    try
    {
        fn();
    }
    catch (const std::exception& e)
    {
        return e.what();
    }
    return "(no exception)";
}

/** \return true when text contains every part */
bool
Mentions(const std::string& text, const std::vector<std::string>& parts)
{
    return std::all_of(parts.begin(), parts.end(), [&text](const std::string& part) {
        return text.find(part) != std::string::npos;
    });
}

/** \return labels 0..classes-1, perClass of each, in a scrambled order */
std::vector<int64_t>
ScrambledLabels(uint32_t classes, uint32_t perClass)
{
    std::vector<int64_t> labels;
    for (uint32_t i = 0; i < classes * perClass; ++i)
    {
        labels.push_back((i * 7919) % classes);
    }
    return labels;
}

/** \return the number of distinct labels among some samples */
std::size_t
ClassCount(const std::vector<std::size_t>& samples, const std::vector<int64_t>& labels)
{
    std::set<int64_t> classes;
    for (auto i : samples)
    {
        classes.insert(labels[i]);
    }
    return classes.size();
}

/** \return the share of a node's samples that carry its most frequent label */
double
LargestClassShare(const std::vector<std::size_t>& samples, const std::vector<int64_t>& labels)
{
    std::map<int64_t, std::size_t> counts;
    for (auto i : samples)
    {
        ++counts[labels[i]];
    }
    std::size_t largest = 0;
    for (const auto& [label, count] : counts)
    {
        largest = std::max(largest, count);
    }
    return static_cast<double>(largest) / samples.size();
}

/** A ratings.csv fixture: users with ids 3, 10, 20, ..., items with sparse ids. */
std::string
RatingsCsv(uint32_t users, uint32_t itemsPerUser)
{
    std::string csv = "userId,movieId,rating,timestamp\n";
    for (uint32_t u = 0; u < users; ++u)
    {
        for (uint32_t k = 0; k < itemsPerUser; ++k)
        {
            const uint32_t item = (u * 3 + k * 5) % 40;
            const double rating = 0.5 * (1 + (u + item) % 10);
            csv += std::to_string(3 + 10 * u) + "," + std::to_string(100 + item * 37) + "," +
                   std::to_string(rating).substr(0, 3) + "," + std::to_string(964982703 + k) + "\n";
        }
    }
    return csv;
}

} // namespace

/**
 * \ingroup divshare-tests
 * The CIFAR-10 reader returns exactly the records written, normalised, planes in R, G, B order.
 */
class Cifar10ReaderTestCase : public TestCase
{
  public:
    Cifar10ReaderTestCase()
        : TestCase("the CIFAR-10 reader returns exactly the records written, normalised")
    {
    }

  private:
    void DoRun() override
    {
        TempDir dir("cifar");
        const std::vector<int> first{3, 0, 9};
        const std::vector<int> second{5, 1, 7};
        WriteFile(dir.File("a.bin"), CifarRecords(first));
        WriteFile(dir.File("b.bin"), CifarRecords(second, first.size()));
        const auto data = ReadCifar10Files({dir.File("a.bin"), dir.File("b.bin")}, 3);
        data.Validate("fixture");
        NS_TEST_ASSERT_MSG_EQ(data.Size(), 6, "all records of both files");
        NS_TEST_ASSERT_MSG_EQ(data.numClasses, 10, "CIFAR-10 has 10 classes");
        NS_TEST_ASSERT_MSG_EQ((data.sampleShape == std::vector<int64_t>{3, 32, 32}),
                              true,
                              "channels x height x width");
        const std::vector<int64_t> labels{3, 0, 9, 5, 1, 7};
        NS_TEST_ASSERT_MSG_EQ((data.labels == labels), true, "labels in file and record order");
        double worst = 0.0;
        for (std::size_t r = 0; r < data.Size(); ++r)
        {
            for (std::size_t p = 0; p < data.SampleSize(); ++p)
            {
                const double expected = (FixturePixel(r, p) / 255.0 - 0.5) / 0.5;
                worst =
                    std::max(worst, std::abs(data.features[r * data.SampleSize() + p] - expected));
            }
        }
        NS_TEST_ASSERT_MSG_LT(worst, 1e-6, "every pixel (x / 255 - 0.5) / 0.5, in layout order");
        const auto [low, high] = std::minmax_element(data.features.begin(), data.features.end());
        NS_TEST_ASSERT_MSG_EQ_TOL(*low, -1.0F, 1e-6F, "byte 0 maps to -1");
        NS_TEST_ASSERT_MSG_EQ_TOL(*high, 1.0F, 1e-6F, "byte 255 maps to 1");

        // The data feed GN-LeNet as they are.
        auto shared = std::make_shared<ClassificationDataset>(data);
        ClassifierConfig config;
        config.model = "gn-lenet";
        auto learner = CreateClassificationLearner(config, shared, {0, 1, 2, 3}, shared);
        NS_TEST_ASSERT_MSG_EQ(std::isfinite(learner->Train(2)), true, "GN-LeNet trains");
        NS_TEST_ASSERT_MSG_EQ(learner->Evaluate().samples, 6, "GN-LeNet evaluates");
    }
};

/**
 * \ingroup divshare-tests
 * Bad CIFAR-10 input gives errors naming the file, the problem and the fix.
 */
class Cifar10ErrorTestCase : public TestCase
{
  public:
    Cifar10ErrorTestCase()
        : TestCase("bad CIFAR-10 input gives errors naming the file, the problem and the fix")
    {
    }

  private:
    void DoRun() override
    {
        TempDir dir("cifar-bad");
        const std::string missing = dir.File("no-such-folder");
        ClassificationDataset train;
        ClassificationDataset test;
        auto error = ErrorOf([&]() { LoadCifar10(missing, train, test); });
        NS_TEST_ASSERT_MSG_EQ(Mentions(error, {missing, "does not exist", "cifar-10-batches-bin"}),
                              true,
                              error);

        // A folder of well-formed but small files: the official layout needs 10,000 records.
        for (const std::string name : {"data_batch_1.bin",
                                       "data_batch_2.bin",
                                       "data_batch_3.bin",
                                       "data_batch_4.bin",
                                       "data_batch_5.bin"})
        {
            WriteFile(dir.File(name), CifarRecords(std::vector<int>(20, 1)));
        }
        error = ErrorOf([&]() { LoadCifar10(dir.Path(), train, test); });
        NS_TEST_ASSERT_MSG_EQ(Mentions(error, {"test_batch.bin", "missing"}), true, error);
        WriteFile(dir.File("test_batch.bin"), CifarRecords(std::vector<int>(20, 1)));
        error = ErrorOf([&]() { LoadCifar10(dir.Path(), train, test); });
        NS_TEST_ASSERT_MSG_EQ(
            Mentions(error, {dir.File("data_batch_1.bin"), "61460 bytes", "expected 30730000"}),
            true,
            error);

        auto truncated = CifarRecords({1, 2});
        truncated.pop_back();
        WriteFile(dir.File("truncated.bin"), truncated);
        error = ErrorOf([&]() { ReadCifar10Files({dir.File("truncated.bin")}, 2); });
        NS_TEST_ASSERT_MSG_EQ(Mentions(error, {dir.File("truncated.bin"), "6145 bytes", "6146"}),
                              true,
                              error);

        WriteFile(dir.File("label.bin"), CifarRecords({1, 10}));
        error = ErrorOf([&]() { ReadCifar10Files({dir.File("label.bin")}, 2); });
        NS_TEST_ASSERT_MSG_EQ(Mentions(error, {dir.File("label.bin"), "record 1", "label 10"}),
                              true,
                              error);
    }
};

/**
 * \ingroup divshare-tests
 * Both MovieLens formats are read exactly, with raw ids mapped to dense indices in id order.
 */
class MovieLensReaderTestCase : public TestCase
{
  public:
    MovieLensReaderTestCase()
        : TestCase("the MovieLens readers return exactly the ratings written, ids in order")
    {
    }

  private:
    void DoRun() override
    {
        TempDir latest("ml-latest");
        WriteFile(latest.File("ratings.csv"),
                  "userId,movieId,rating,timestamp\r\n"
                  "7,500,4.0,964982703\r\n"
                  "2,31,0.5,964982224\r\n"
                  "7,31,3.5,964983815\r\n"
                  "\r\n");
        const auto csv = LoadMovieLens(latest.Path());
        NS_TEST_ASSERT_MSG_EQ(csv.Size(), 3, "three ratings");
        NS_TEST_ASSERT_MSG_EQ((csv.userIds == std::vector<int64_t>{2, 7}), true, "user ids");
        NS_TEST_ASSERT_MSG_EQ((csv.itemIds == std::vector<int64_t>{31, 500}), true, "item ids");
        NS_TEST_ASSERT_MSG_EQ((csv.users == std::vector<int64_t>{1, 0, 1}), true, "dense users");
        NS_TEST_ASSERT_MSG_EQ((csv.items == std::vector<int64_t>{1, 0, 0}), true, "dense items");
        NS_TEST_ASSERT_MSG_EQ((csv.ratings == std::vector<float>{4.0F, 0.5F, 3.5F}),
                              true,
                              "ratings in file order");

        // A byte-order mark before the header, as some editors save, is read past.
        TempDir bom("ml-bom");
        WriteFile(bom.File("ratings.csv"),
                  "\xEF\xBB\xBFuserId,movieId,rating,timestamp\n7,500,4.0,964982703\n");
        NS_TEST_ASSERT_MSG_EQ(LoadMovieLens(bom.Path()).Size(), 1, "one rating after a BOM");

        TempDir hundredK("ml-100k");
        WriteFile(hundredK.File("u.data"),
                  "196\t242\t3\t881250949\n"
                  "186\t302\t3\t891717742\n"
                  "22\t377\t1\t878887116\n"
                  "196\t377\t5\t881250950\n");
        const auto tsv = LoadMovieLens(hundredK.Path());
        NS_TEST_ASSERT_MSG_EQ(tsv.Size(), 4, "four ratings");
        NS_TEST_ASSERT_MSG_EQ((tsv.userIds == std::vector<int64_t>{22, 186, 196}), true, "users");
        NS_TEST_ASSERT_MSG_EQ((tsv.users == std::vector<int64_t>{2, 1, 0, 2}), true, "dense");
        NS_TEST_ASSERT_MSG_EQ((tsv.items == std::vector<int64_t>{0, 1, 2, 2}), true, "dense");
        NS_TEST_ASSERT_MSG_EQ((tsv.ratings == std::vector<float>{3, 3, 1, 5}), true, "ratings");
    }
};

/**
 * \ingroup divshare-tests
 * Bad MovieLens input gives errors naming the file, the line, the problem and the fix.
 */
class MovieLensErrorTestCase : public TestCase
{
  public:
    MovieLensErrorTestCase()
        : TestCase("bad MovieLens input gives errors naming the file, line, problem and fix")
    {
    }

  private:
    /** Write ratings.csv with content and check the error message mentions parts. */
    void CheckCsv(const TempDir& dir, const std::string& content, std::vector<std::string> parts)
    {
        WriteFile(dir.File("ratings.csv"), content);
        const auto error = ErrorOf([&]() { ReadMovieLensCsv(dir.File("ratings.csv")); });
        parts.push_back(dir.File("ratings.csv"));
        NS_TEST_ASSERT_MSG_EQ(Mentions(error, parts), true, error);
    }

    void DoRun() override
    {
        TempDir dir("ml-bad");
        auto error = ErrorOf([&]() { LoadMovieLens(dir.File("absent")); });
        NS_TEST_ASSERT_MSG_EQ(Mentions(error, {dir.File("absent"), "does not exist", "ml-100k"}),
                              true,
                              error);
        error = ErrorOf([&]() { LoadMovieLens(dir.Path()); });
        NS_TEST_ASSERT_MSG_EQ(Mentions(error, {dir.Path(), "neither ratings.csv nor u.data"}),
                              true,
                              error);

        const std::string header = "userId,movieId,rating,timestamp\n";
        CheckCsv(dir, "user,movie,rating\n1,2,3,4\n", {"line 1", "expected the header"});
        CheckCsv(
            dir,
            header + "1,2,3.5,964982703\n1,3,4.0\n",
            {"line 3", "expected 4 comma-separated fields userId,movieId,rating,timestamp, got 3"});
        CheckCsv(dir, header + "1,x2,3.5,964982703\n", {"line 2", "'1,x2,3.5,964982703'"});
        CheckCsv(dir, header + "1,2,7,964982703\n", {"line 2", "rating 7", "[0.5, 5]"});
        CheckCsv(dir, header, {"holds no ratings"});

        WriteFile(dir.File("u.data"), "1\t2\t3\t4\n1 2 3 4\n");
        error = ErrorOf([&]() { ReadMovieLens100k(dir.File("u.data")); });
        NS_TEST_ASSERT_MSG_EQ(
            Mentions(error, {dir.File("u.data"), "line 2", "4 tab-separated fields", "got 1"}),
            true,
            error);
    }
};

/**
 * \ingroup divshare-tests
 * IID, k-shard and Dirichlet partitions are disjoint, cover the data, follow the seed; shards
 * bound the classes per node; Dirichlet is skewed for small alpha, near uniform for large.
 */
class PartitionKindsTestCase : public TestCase
{
  public:
    PartitionKindsTestCase()
        : TestCase("partitions cover the data disjointly; shards and Dirichlet skew as they should")
    {
    }

  private:
    void CheckDisjointCover(const DataPartition& partition, std::size_t samples)
    {
        std::set<std::size_t> seen;
        std::size_t total = 0;
        for (const auto& node : partition)
        {
            NS_TEST_ASSERT_MSG_EQ(node.empty(), false, "every node has samples");
            total += node.size();
            seen.insert(node.begin(), node.end());
        }
        NS_TEST_ASSERT_MSG_EQ(total, seen.size(), "no sample owned twice");
        NS_TEST_ASSERT_MSG_EQ(total, samples, "every sample owned");
        NS_TEST_ASSERT_MSG_LT(*seen.rbegin(), samples, "indices in range");
    }

    void DoRun() override
    {
        const auto labels = ScrambledLabels(10, 200); // 2,000 samples
        for (const std::string spec :
             {"iid", "shards", "shards:3", "dirichlet:0.1", "dirichlet:100"})
        {
            const auto partition = MakePartition(spec, labels, 7, 11);
            NS_TEST_ASSERT_MSG_EQ(partition.size(), 7, spec);
            CheckDisjointCover(partition, labels.size());
            NS_TEST_ASSERT_MSG_EQ((MakePartition(spec, labels, 7, 11) == partition),
                                  true,
                                  spec << ": determined by the seed");
            NS_TEST_ASSERT_MSG_EQ((MakePartition(spec, labels, 7, 12) != partition),
                                  true,
                                  spec << ": another seed, another partition");
        }
        NS_TEST_ASSERT_MSG_EQ(
            (MakePartition("shards", labels, 7, 11) == PartitionShards(labels, 7, 5, 11)),
            true,
            "the default k is the paper's 5");

        // 10 nodes x 5 shards of 40 from classes of 200: every shard lies in one class.
        for (const auto& node : PartitionShards(labels, 10, 5, 1))
        {
            NS_TEST_ASSERT_MSG_LT_OR_EQ(ClassCount(node, labels), 5, "k classes at most");
        }
        // 7 nodes x 3 shards of 95-96: a shard spans at most ceil(96 / 200) + 1 = 2 classes.
        for (const auto& node : PartitionShards(labels, 7, 3, 1))
        {
            NS_TEST_ASSERT_MSG_LT_OR_EQ(ClassCount(node, labels), 3 * 2, "k * span classes");
        }

        double skewed = 0.0;
        double spread = 0.0;
        const auto small = PartitionDirichlet(labels, 10, 0.05, 5);
        const auto large = PartitionDirichlet(labels, 10, 1000.0, 5);
        for (uint32_t node = 0; node < 10; ++node)
        {
            skewed += LargestClassShare(small[node], labels) / 10;
            spread = std::max(spread, LargestClassShare(large[node], labels));
            NS_TEST_ASSERT_MSG_EQ(ClassCount(large[node], labels), 10, "large alpha: all classes");
        }
        NS_TEST_ASSERT_MSG_GT(skewed, 0.6, "alpha 0.05: one class dominates a typical node");
        NS_TEST_ASSERT_MSG_LT(spread, 0.2, "alpha 1000: no class above 20% on any node");

        for (const std::string spec :
             {"bogus", "shards:0", "shards:2.5", "dirichlet", "dirichlet:x"})
        {
            const auto error = ErrorOf([&]() { MakePartition(spec, labels, 7, 1); });
            NS_TEST_ASSERT_MSG_EQ(Mentions(error, {spec, "use iid, shards"}), true, error);
        }
        auto error = ErrorOf([&]() { MakePartition("dirichlet:-1", labels, 7, 1); });
        NS_TEST_ASSERT_MSG_EQ(Mentions(error, {"alpha must be a positive"}), true, error);
        error = ErrorOf([&]() { MakePartition("iid", {0, 1, 2}, 4, 1); });
        NS_TEST_ASSERT_MSG_EQ(Mentions(error, {"3 samples", "4 nodes", "use fewer nodes"}),
                              true,
                              error);
        error = ErrorOf([&]() { MakePartition("dirichlet:1", {0, 1, 2}, 4, 1); });
        NS_TEST_ASSERT_MSG_EQ(Mentions(error, {"3 samples", "4 nodes"}), true, error);

        const auto summary = SummarizePartition(PartitionShards(labels, 10, 5, 1), labels);
        NS_TEST_ASSERT_MSG_EQ(Mentions(summary, {"10 nodes", "samples 200-200", " 9:200/"}),
                              true,
                              summary);
    }
};

/**
 * \ingroup divshare-tests
 * Every user's ratings are split 70/30, and the split follows the seed.
 */
class RatingSplitTestCase : public TestCase
{
  public:
    RatingSplitTestCase()
        : TestCase("each user's ratings are split 70:30 by the seed")
    {
    }

  private:
    void DoRun() override
    {
        RatingDataset all;
        for (int64_t user = 0; user < 30; ++user)
        {
            all.userIds.push_back(user + 1);
            for (int64_t k = 0; k <= user; ++k) // user u has u + 1 ratings
            {
                all.users.push_back(user);
                all.items.push_back(k);
                all.ratings.push_back(static_cast<float>(1 + (user + k) % 5));
            }
        }
        for (int64_t item = 0; item < 30; ++item)
        {
            all.itemIds.push_back(item + 1);
        }
        RatingDataset train;
        RatingDataset test;
        SplitRatingsPerUser(all, 0.7, 9, train, test);
        NS_TEST_ASSERT_MSG_EQ(train.Size() + test.Size(), all.Size(), "every rating used once");
        std::vector<std::size_t> trainPerUser(30);
        std::vector<std::size_t> testPerUser(30);
        std::set<std::pair<int64_t, int64_t>> pairs;
        for (std::size_t i = 0; i < train.Size(); ++i)
        {
            ++trainPerUser[train.users[i]];
            pairs.insert({train.users[i], train.items[i]});
        }
        for (std::size_t i = 0; i < test.Size(); ++i)
        {
            ++testPerUser[test.users[i]];
            pairs.insert({test.users[i], test.items[i]});
        }
        NS_TEST_ASSERT_MSG_EQ(pairs.size(), all.Size(), "train and test are disjoint");
        for (std::size_t user = 0; user < 30; ++user)
        {
            const std::size_t n = user + 1;
            const auto expected = std::max<std::size_t>(1, std::llround(0.7 * n));
            NS_TEST_ASSERT_MSG_EQ(trainPerUser[user], expected, "user " << user << ": 70%");
            NS_TEST_ASSERT_MSG_EQ(testPerUser[user], n - expected, "user " << user << ": 30%");
        }
        NS_TEST_ASSERT_MSG_EQ((train.userIds == all.userIds && test.itemIds == all.itemIds),
                              true,
                              "shared id tables");
        RatingDataset again;
        RatingDataset againTest;
        SplitRatingsPerUser(all, 0.7, 9, again, againTest);
        NS_TEST_ASSERT_MSG_EQ((again.items == train.items && againTest.items == test.items),
                              true,
                              "same seed, same split");
        SplitRatingsPerUser(all, 0.7, 10, again, againTest);
        NS_TEST_ASSERT_MSG_EQ((again.items != train.items), true, "another seed, another split");
    }
};

/**
 * \ingroup divshare-tests
 * Matrix factorization has the reference's size and initialisation, and learns a low-rank
 * rating matrix far better than the global-mean predictor.
 */
class MatrixFactorizationTestCase : public TestCase
{
  public:
    MatrixFactorizationTestCase()
        : TestCase("matrix factorization: (610 + 9,724) x 20 parameters, U(-0.05, 0.05), learns")
    {
    }

  private:
    void DoRun() override
    {
        // ml-latest-small's id tables: 610 users and 9,724 rated movies.
        auto latest = std::make_shared<RatingDataset>();
        latest->userIds.resize(610);
        latest->itemIds.resize(9724);
        std::iota(latest->userIds.begin(), latest->userIds.end(), 1);
        std::iota(latest->itemIds.begin(), latest->itemIds.end(), 1);
        latest->users = {0, 609};
        latest->items = {0, 9723};
        latest->ratings = {4.0F, 2.5F};
        MatrixFactorizationConfig config;
        auto mf = CreateMatrixFactorizationLearner(config, latest, {0, 1}, latest);
        // The reference model: user and item embeddings, no bias terms.
        NS_TEST_ASSERT_MSG_EQ(mf->GetParameterCount(), 206680, "(610 + 9,724) x 20");
        NS_TEST_ASSERT_MSG_EQ((mf->GetTensorSizes() == std::vector<std::size_t>{12200, 194480}),
                              true,
                              "user table, then item table");
        const auto initial = mf->GetParameters();
        const auto [low, high] = std::minmax_element(initial.begin(), initial.end());
        NS_TEST_ASSERT_MSG_EQ((*low >= -0.05F && *high <= 0.05F), true, "U(-0.05, 0.05)");
        NS_TEST_ASSERT_MSG_LT(*low, -0.049F, "the range is used");
        NS_TEST_ASSERT_MSG_GT(*high, 0.049F, "the range is used");
        auto twin = CreateMatrixFactorizationLearner(config, latest, {0}, latest);
        NS_TEST_ASSERT_MSG_EQ((twin->GetParameters() == initial), true, "seeded initial model");
        NS_TEST_ASSERT_MSG_EQ(MatrixFactorizationParameterCount(config, 610, 9724),
                              206680,
                              "the size formula");
        // Not the reference model: biases add 610 user, 9,724 item biases and 1 offset.
        config.biases = true;
        auto biased = CreateMatrixFactorizationLearner(config, latest, {0, 1}, latest);
        NS_TEST_ASSERT_MSG_EQ(biased->GetParameterCount(), 206680 + 610 + 9724 + 1, "biases");
        NS_TEST_ASSERT_MSG_EQ(MatrixFactorizationParameterCount(config, 610, 9724),
                              biased->GetParameterCount(),
                              "the size formula with biases");
        NS_TEST_ASSERT_MSG_EQ(biased->GetTensorSizes().size(), 5, "tables, biases, offset");
        config.biases = false;
        const auto evaluation = mf->Evaluate();
        NS_TEST_ASSERT_MSG_EQ(std::isnan(evaluation.accuracy), true, "no accuracy");
        NS_TEST_ASSERT_MSG_EQ(evaluation.samples, 2, "both test ratings");

        // A rank-2 task: rating = 3 + a_u * b_i with a_u, b_i in {-1, 1}.
        auto train = std::make_shared<RatingDataset>();
        auto test = std::make_shared<RatingDataset>();
        for (int64_t u = 0; u < 40; ++u)
        {
            train->userIds.push_back(u);
            for (int64_t i = 0; i < 40; ++i)
            {
                auto& part = (u + 3 * i) % 4 == 0 ? *test : *train;
                part.users.push_back(u);
                part.items.push_back(i);
                part.ratings.push_back(3.0F + ((u % 3 == 0) == (i % 2 == 0) ? 1.0F : -1.0F));
            }
        }
        train->itemIds = train->userIds;
        test->userIds = train->userIds;
        test->itemIds = train->userIds;
        std::vector<std::size_t> all(train->Size());
        std::iota(all.begin(), all.end(), 0);
        auto learner = CreateMatrixFactorizationLearner(config, train, all, test);
        learner->Train(20000);
        const auto after = learner->Evaluate();
        NS_TEST_ASSERT_MSG_EQ(after.samples, test->Size(), "whole test set");
        // The global-mean predictor's RMSE here is 1.
        NS_TEST_ASSERT_MSG_LT(after.loss, 0.3, "RMSE far below the global mean's");
        NS_TEST_ASSERT_MSG_LT(after.mae, after.loss + 1e-9, "MAE at most RMSE");
    }
};

/**
 * \ingroup divshare-tests
 * The MovieLens workload: users spread over nodes, errors for too many nodes, a fixed test
 * subset that Describe() reports, and the global-mean baseline.
 */
class RatingWorkloadTestCase : public TestCase
{
  public:
    RatingWorkloadTestCase()
        : TestCase("the MovieLens workload spreads users over nodes and evaluates RMSE and MAE")
    {
    }

  private:
    void DoRun() override
    {
        TempDir dir("ml-workload");
        WriteFile(dir.File("ratings.csv"), RatingsCsv(12, 10));
        MatrixFactorizationConfig config;
        auto workload = MakeMovieLensWorkload(dir.Path(), 4, config, 5);
        NS_TEST_ASSERT_MSG_EQ(workload->GetNodeCount(), 4, "four nodes");
        NS_TEST_ASSERT_MSG_EQ(workload->HasAccuracy(), false, "a rating task");
        std::size_t trainRatings = 0;
        for (uint32_t node = 0; node < 4; ++node)
        {
            auto learner = workload->CreateLearner(node);
            // 12 users of 10 ratings, 7 for training each, 3 users per node.
            NS_TEST_ASSERT_MSG_EQ(learner->GetLocalSampleCount(), 21, "three users' 70%");
            trainRatings += learner->GetLocalSampleCount();
            NS_TEST_ASSERT_MSG_EQ(learner->GetParameterCount(), (12 + 40) * 20, "whole model");
        }
        NS_TEST_ASSERT_MSG_EQ(trainRatings, 84, "every training rating owned once");
        const auto result = workload->CreateLearner(0)->Evaluate();
        NS_TEST_ASSERT_MSG_EQ(result.samples, 36, "all test ratings");
        NS_TEST_ASSERT_MSG_EQ(std::isnan(result.accuracy), true, "accuracy is NaN");
        NS_TEST_ASSERT_MSG_GT(result.loss, 1.0, "an untrained model predicts about 0");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(result.loss, result.mae, "RMSE >= MAE");
        const auto baseline = workload->EvaluateGlobalMean();
        NS_TEST_ASSERT_MSG_LT(baseline.loss, result.loss, "the mean beats an untrained model");
        NS_TEST_ASSERT_MSG_EQ(Mentions(workload->Describe(),
                                       {"84 train / 36 test ratings",
                                        "12 users",
                                        "40 items",
                                        "1040 parameters",
                                        "test: all 36",
                                        "4 nodes",
                                        " 3:3/21"}),
                              true,
                              workload->Describe());
        NS_TEST_ASSERT_MSG_EQ(
            (MakeMovieLensWorkload(dir.Path(), 4, config, 5)->Describe() == workload->Describe()),
            true,
            "determined by the seed");

        auto subset = MakeMovieLensWorkload(dir.Path(), 4, config, 5, 10);
        NS_TEST_ASSERT_MSG_EQ(subset->CreateLearner(2)->Evaluate().samples, 10, "the subset");
        NS_TEST_ASSERT_MSG_EQ(Mentions(subset->Describe(), {"fixed subset of 10 of 36"}),
                              true,
                              subset->Describe());
        auto error = ErrorOf([&]() { MakeMovieLensWorkload(dir.Path(), 4, config, 5, 37); });
        NS_TEST_ASSERT_MSG_EQ(Mentions(error, {"37", "only 36"}), true, error);
        error = ErrorOf([&]() { MakeMovieLensWorkload(dir.Path(), 13, config, 5); });
        NS_TEST_ASSERT_MSG_EQ(Mentions(error, {"13 nodes for 12 users", "between 1 and 12"}),
                              true,
                              error);
    }
};

/**
 * \ingroup divshare-tests
 * The classification workload factory: partition by spec, seeded, with a fixed test subset.
 */
class ClassificationWorkloadTestCase : public TestCase
{
  public:
    ClassificationWorkloadTestCase()
        : TestCase("the classification factory partitions by spec and uses a seeded test subset")
    {
    }

  private:
    void DoRun() override
    {
        auto train = std::make_shared<ClassificationDataset>();
        auto test = std::make_shared<ClassificationDataset>();
        SyntheticClassificationConfig data;
        data.trainPerClass = 30;
        data.testPerClass = 10;
        MakeSyntheticClassification(data, *train, *test);
        ClassifierConfig config;
        auto workload =
            MakeClassificationWorkload("synthetic", train, test, 6, "shards:2", config, 3, 25);
        NS_TEST_ASSERT_MSG_EQ(workload->GetNodeCount(), 6, "six nodes");
        NS_TEST_ASSERT_MSG_EQ(workload->HasAccuracy(), true, "a classification task");
        auto learner = workload->CreateLearner(1);
        NS_TEST_ASSERT_MSG_EQ(learner->GetLocalSampleCount(), 50, "two shards of 25");
        NS_TEST_ASSERT_MSG_EQ(learner->Evaluate().samples, 25, "the test subset");
        NS_TEST_ASSERT_MSG_EQ(Mentions(workload->Describe(),
                                       {"300 train / 100 test",
                                        "fixed subset of 25 of 100",
                                        "6 nodes",
                                        "samples 50-50",
                                        " 5:50/"}),
                              true,
                              workload->Describe());
        auto twin =
            MakeClassificationWorkload("synthetic", train, test, 6, "shards:2", config, 3, 25);
        NS_TEST_ASSERT_MSG_EQ(twin->Describe(), workload->Describe(), "same seed, same run");
        NS_TEST_ASSERT_MSG_EQ(twin->CreateLearner(1)->Evaluate().loss,
                              learner->Evaluate().loss,
                              "same subset, same initial model");
        auto other =
            MakeClassificationWorkload("synthetic", train, test, 6, "shards:2", config, 4, 25);
        NS_TEST_ASSERT_MSG_NE(other->Describe(), workload->Describe(), "another seed");

        auto error = ErrorOf(
            [&]() { MakeClassificationWorkload("synthetic", train, test, 301, "iid", config, 3); });
        NS_TEST_ASSERT_MSG_EQ(Mentions(error, {"synthetic", "300 samples", "301 nodes"}),
                              true,
                              error);
        error = ErrorOf([&]() { MakeCifar10Workload("/nonexistent/cifar", 4, "iid", config, 1); });
        NS_TEST_ASSERT_MSG_EQ(Mentions(error, {"/nonexistent/cifar", "does not exist"}),
                              true,
                              error);
    }
};

/**
 * \ingroup divshare-tests
 * The real-workload test suite.
 */
class DivShareWorkloadTestSuite : public TestSuite
{
  public:
    DivShareWorkloadTestSuite()
        : TestSuite("divshare-workloads")
    {
        AddTestCase(new Cifar10ReaderTestCase);
        AddTestCase(new Cifar10ErrorTestCase);
        AddTestCase(new MovieLensReaderTestCase);
        AddTestCase(new MovieLensErrorTestCase);
        AddTestCase(new PartitionKindsTestCase);
        AddTestCase(new RatingSplitTestCase);
        AddTestCase(new MatrixFactorizationTestCase);
        AddTestCase(new RatingWorkloadTestCase);
        AddTestCase(new ClassificationWorkloadTestCase);
    }
};

/// Static instance that registers the suite.
static DivShareWorkloadTestSuite g_divshareWorkloadTestSuite;
