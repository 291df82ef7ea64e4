/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of the learning layer: models, data, partitions (no networking).

#include "ns3/classification-learner.h"
#include "ns3/data-partition.h"
#include "ns3/synthetic-classification.h"
#include "ns3/test.h"
#include "ns3/workload.h"

#include <algorithm>
#include <numeric>
#include <set>

using namespace ns3;

namespace
{

/** A small synthetic task shared by the tests below. */
struct SmallTask
{
    std::shared_ptr<ClassificationDataset> train = std::make_shared<ClassificationDataset>();
    std::shared_ptr<ClassificationDataset> test = std::make_shared<ClassificationDataset>();

    SmallTask()
    {
        SyntheticClassificationConfig config;
        config.trainPerClass = 60;
        config.testPerClass = 20;
        MakeSyntheticClassification(config, *train, *test);
    }
};

} // namespace

/**
 * \ingroup divshare-tests
 * GN-LeNet has exactly the reference's 89,834 parameters, and the flat-vector view of a model
 * round-trips.
 */
class GnLeNetParameterTestCase : public TestCase
{
  public:
    GnLeNetParameterTestCase()
        : TestCase("GN-LeNet has 89,834 parameters and its flat vector round-trips")
    {
    }

  private:
    void DoRun() override
    {
        auto data = std::make_shared<ClassificationDataset>();
        data->sampleShape = {3, 32, 32};
        data->numClasses = 10;
        data->labels = {0, 1};
        data->features.assign(2 * 3 * 32 * 32, 0.5F);
        ClassifierConfig config;
        config.model = "gn-lenet";
        auto learner = CreateClassificationLearner(config, data, {0, 1}, data);
        NS_TEST_ASSERT_MSG_EQ(learner->GetParameterCount(), 89834, "GN-LeNet size");
        // conv1 (w, b), gn1 (w, b), conv2, gn2, conv3, gn3, fc: 14 tensors.
        NS_TEST_ASSERT_MSG_EQ(learner->GetTensorSizes().size(), 14, "GN-LeNet tensors");

        std::vector<float> values(learner->GetParameterCount());
        std::iota(values.begin(), values.end(), 0.0F);
        learner->SetParameters(values);
        NS_TEST_ASSERT_MSG_EQ((learner->GetParameters() == values), true, "round trip");
        learner->Train(1);
        NS_TEST_ASSERT_MSG_EQ((learner->GetParameters() != values), true, "training moved");
    }
};

/**
 * \ingroup divshare-tests
 * A single node that sees every class learns the synthetic task far above chance (10%).
 */
class LocalTrainingTestCase : public TestCase
{
  public:
    LocalTrainingTestCase()
        : TestCase("local SGD on the synthetic task learns far above chance")
    {
    }

  private:
    void DoRun() override
    {
        SmallTask task;
        std::vector<std::size_t> all(task.train->Size());
        std::iota(all.begin(), all.end(), 0);
        ClassifierConfig config;
        auto learner = CreateClassificationLearner(config, task.train, all, task.test);
        const auto before = learner->Evaluate();
        learner->Train(300);
        const auto after = learner->Evaluate();
        NS_TEST_ASSERT_MSG_EQ(after.samples, task.test->Size(), "whole test set");
        NS_TEST_ASSERT_MSG_LT(after.loss, before.loss, "loss decreases");
        NS_TEST_ASSERT_MSG_GT(after.accuracy, 0.6, "well above 10% chance");
    }
};

/**
 * \ingroup divshare-tests
 * Partitions are disjoint and cover the data; shards limit the classes per node.
 */
class PartitionTestCase : public TestCase
{
  public:
    PartitionTestCase()
        : TestCase("IID and shard partitions are disjoint, cover the data, and shards are skewed")
    {
    }

  private:
    void CheckDisjointCover(const DataPartition& partition, std::size_t expected)
    {
        std::set<std::size_t> seen;
        std::size_t total = 0;
        for (const auto& node : partition)
        {
            total += node.size();
            seen.insert(node.begin(), node.end());
        }
        NS_TEST_ASSERT_MSG_EQ(total, seen.size(), "no sample owned twice");
        NS_TEST_ASSERT_MSG_EQ(total, expected, "every sample owned");
    }

    void DoRun() override
    {
        SmallTask task;
        const auto iid = PartitionIid(task.train->Size(), 7, 3);
        CheckDisjointCover(iid, task.train->Size());

        const auto shards = PartitionShards(task.train->labels, 10, 2, 3);
        CheckDisjointCover(shards, task.train->Size());
        for (const auto& node : shards)
        {
            std::set<int64_t> classes;
            for (auto i : node)
            {
                classes.insert(task.train->labels[i]);
            }
            // 600 samples in 20 shards of 30 from classes of 60: a shard holds one class.
            NS_TEST_ASSERT_MSG_LT_OR_EQ(classes.size(), 2, "two shards, two classes at most");
        }
        NS_TEST_ASSERT_MSG_EQ((PartitionShards(task.train->labels, 10, 2, 3) == shards),
                              true,
                              "deterministic for a seed");
    }
};

/**
 * \ingroup divshare-tests
 * The learning-layer test suite.
 */
class DivShareLearningTestSuite : public TestSuite
{
  public:
    DivShareLearningTestSuite()
        : TestSuite("divshare-learning")
    {
        AddTestCase(new GnLeNetParameterTestCase);
        AddTestCase(new LocalTrainingTestCase);
        AddTestCase(new PartitionTestCase);
    }
};

/// Static instance that registers the suite.
static DivShareLearningTestSuite g_divshareLearningTestSuite;
