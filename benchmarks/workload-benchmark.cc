/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// End-to-end check of the real workloads on the real data sets, without the network: N nodes
// train in turn (round-robin) and, after every round, all models are replaced by their average
// (or left alone with --aggregate=false), until a wall-time budget is spent. Then the models
// are evaluated and compared with a trivial baseline (chance accuracy, or the global-mean
// rating predictor). Not a test and not run by CI: it needs the data sets and minutes.
//
//   divshare-workload-benchmark --workload=cifar10 --data=.../cifar-10-batches-bin --nodes=16
//   divshare-workload-benchmark --workload=movielens --data=.../ml-latest-small --nodes=16

#include "ns3/command-line.h"
#include "ns3/learner.h"
#include "ns3/learning-worker-pool.h"
#include "ns3/workload-factory.h"

#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>

using namespace ns3;

namespace
{

/** Replace every learner's parameters by the mean of all of them. */
void
AverageModels(const std::vector<std::unique_ptr<Learner>>& learners)
{
    std::vector<double> sum(learners.front()->GetParameterCount(), 0.0);
    for (const auto& learner : learners)
    {
        const auto parameters = learner->GetParameters();
        for (std::size_t k = 0; k < sum.size(); ++k)
        {
            sum[k] += parameters[k];
        }
    }
    std::vector<float> mean(sum.size());
    for (std::size_t k = 0; k < sum.size(); ++k)
    {
        mean[k] = static_cast<float>(sum[k] / learners.size());
    }
    for (const auto& learner : learners)
    {
        learner->SetParameters(mean);
    }
}

/** \return the mean evaluation of the first count learners */
EvaluationResult
EvaluateMean(const std::vector<std::unique_ptr<Learner>>& learners, std::size_t count)
{
    EvaluationResult mean;
    for (std::size_t node = 0; node < count; ++node)
    {
        const auto result = learners[node]->Evaluate();
        mean.accuracy += result.accuracy / count;
        mean.loss += result.loss / count;
        mean.mae += result.mae / count;
        mean.samples = result.samples;
    }
    return mean;
}

/** Print an evaluation against the baseline, in the task's terms. */
void
PrintEvaluation(const EvaluationResult& result, const EvaluationResult& baseline, bool accuracy)
{
    std::cout << std::setprecision(4);
    if (accuracy)
    {
        std::cout << "test accuracy " << result.accuracy << " (chance " << baseline.accuracy
                  << "), test loss " << result.loss << " (chance " << baseline.loss << ")\n";
    }
    else
    {
        std::cout << "test RMSE " << result.loss << ", MAE " << result.mae
                  << "; global-mean predictor RMSE " << baseline.loss << ", MAE " << baseline.mae
                  << "\n";
    }
}

} // namespace

int
main(int argc, char** argv)
{
    std::string workloadName = "cifar10";
    std::string data;
    uint32_t nodes = 16;
    double seconds = 180;
    uint32_t steps = 128;
    std::string partition = "shards";
    uint32_t batchSize = 8;
    double learningRate = 0.05;
    bool aggregate = true;
    uint32_t testSubset = 0;
    uint32_t evalEvery = 0;
    uint64_t seed = 1;
    uint32_t threads = 0;
    bool biases = false;

    CommandLine cmd(__FILE__);
    cmd.AddValue("workload", "cifar10 or movielens", workloadName);
    cmd.AddValue("data", "cifar-10-batches-bin, ml-latest-small or ml-100k folder", data);
    cmd.AddValue("nodes", "number of nodes", nodes);
    cmd.AddValue("seconds", "wall-time training budget", seconds);
    cmd.AddValue("steps", "local SGD steps per node and round", steps);
    cmd.AddValue("partition", "cifar10: iid, shards, shards:K or dirichlet:ALPHA", partition);
    cmd.AddValue("batch", "mini-batch size", batchSize);
    cmd.AddValue("lr", "SGD learning rate", learningRate);
    cmd.AddValue("aggregate", "average all models after every round", aggregate);
    cmd.AddValue("test-subset",
                 "evaluate on a fixed random test subset of this size (0: all)",
                 testSubset);
    cmd.AddValue("eval-every",
                 "also evaluate every this many rounds (0: only at the end)",
                 evalEvery);
    cmd.AddValue("seed", "run seed (data split, partition, initial model)", seed);
    cmd.AddValue("biases", "movielens: add user, item and global biases to the model", biases);
    cmd.AddValue("threads", "LibTorch threads (0: one per core)", threads);
    cmd.Parse(argc, argv);

    if (data.empty())
    {
        std::cerr << "error: pass --data=PATH, the data set's folder\n";
        return 1;
    }
    try
    {
        SetLearningThreads(threads);
        std::unique_ptr<Workload> workload;
        EvaluationResult baseline;
        if (workloadName == "cifar10")
        {
            ClassifierConfig config;
            config.model = "gn-lenet";
            config.batchSize = batchSize;
            config.learningRate = learningRate;
            config.initSeed = seed;
            config.samplingSeed = seed;
            workload = MakeCifar10Workload(data, nodes, partition, config, seed, testSubset);
            baseline.accuracy = 0.1; // chance: the test set is balanced over 10 classes
            baseline.loss = std::log(10.0);
        }
        else if (workloadName == "movielens")
        {
            MatrixFactorizationConfig config;
            config.batchSize = batchSize;
            config.learningRate = learningRate;
            config.initSeed = seed;
            config.samplingSeed = seed;
            config.biases = biases;
            auto ratings = MakeMovieLensWorkload(data, nodes, config, seed, testSubset);
            baseline = ratings->EvaluateGlobalMean();
            workload = std::move(ratings);
        }
        else
        {
            std::cerr << "error: unknown --workload=" << workloadName
                      << "; use cifar10 or movielens\n";
            return 1;
        }
        std::cout << workload->Describe() << "\n"
                  << "threads " << GetLearningThreads() << ", " << steps
                  << " local steps per round, batch " << batchSize << ", lr " << learningRate
                  << (aggregate ? ", all-average after every round" : ", no aggregation") << "\n";

        std::vector<std::unique_ptr<Learner>> learners;
        for (uint32_t node = 0; node < workload->GetNodeCount(); ++node)
        {
            learners.push_back(workload->CreateLearner(node));
        }
        std::cout << learners.front()->GetParameterCount() << " parameters per model\n";

        // After averaging all models are equal: one evaluation stands for all.
        const std::size_t evaluated = aggregate ? 1 : learners.size();
        using Clock = std::chrono::steady_clock;
        const auto start = Clock::now();
        const auto elapsed = [&start]() {
            return std::chrono::duration<double>(Clock::now() - start).count();
        };
        uint64_t rounds = 0;
        while (elapsed() < seconds)
        {
            double loss = 0.0;
            for (const auto& learner : learners)
            {
                loss += learner->Train(steps) / learners.size();
            }
            if (aggregate)
            {
                AverageModels(learners);
            }
            ++rounds;
            std::cout << "round " << rounds << " at " << std::fixed << std::setprecision(1)
                      << elapsed() << " s: mean train loss " << std::setprecision(4) << loss
                      << std::endl;
            if (evalEvery > 0 && rounds % evalEvery == 0)
            {
                PrintEvaluation(EvaluateMean(learners, evaluated),
                                baseline,
                                workload->HasAccuracy());
            }
        }
        const double trainSeconds = elapsed();

        const auto mean = EvaluateMean(learners, evaluated);
        std::cout << "after " << rounds << " rounds, " << rounds * steps * learners.size()
                  << " SGD steps in all (" << rounds * steps << " per node), "
                  << std::setprecision(1) << trainSeconds << " s wall; evaluated " << evaluated
                  << " model(s) on " << mean.samples << " test samples\n";
        PrintEvaluation(mean, baseline, workload->HasAccuracy());
    }
    catch (const std::exception& e)
    {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
