/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "workload-component.h"

#include "../common/attribute-check.h"

#include "ns3/boolean.h"
#include "ns3/data-partition.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ns3/workload-factory.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("WorkloadComponent");

NS_OBJECT_ENSURE_REGISTERED(WorkloadComponent);

TypeId
WorkloadComponent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::WorkloadComponent")
            .SetParent<ExperimentComponent>()
            .SetGroupName("DivShare")
            .AddConstructor<WorkloadComponent>()
            .AddAttribute("Dataset",
                          "Data set: synthetic, cifar10, movielens.",
                          StringValue("synthetic"),
                          MakeStringAccessor(&WorkloadComponent::m_dataset),
                          MakeChoiceChecker({"synthetic", "cifar10", "movielens"}))
            .AddAttribute("DataPath",
                          "Folder of the data set (cifar-10-batches-bin, ml-latest-small or "
                          "ml-100k); not used by synthetic.",
                          StringValue(""),
                          MakeStringAccessor(&WorkloadComponent::m_dataPath),
                          MakeStringChecker())
            .AddAttribute(
                "Partition",
                "Classification partition: iid, shards:K or dirichlet:ALPHA "
                "(MovieLens: users spread over nodes).",
                StringValue("shards:2"),
                MakeStringAccessor(&WorkloadComponent::m_partition),
                MakeParsedTextChecker(&CheckPartitionSpec, "iid, shards:K or dirichlet:ALPHA"))
            .AddAttribute("Model",
                          "Model: mlp or gn-lenet (classification), mf (MovieLens).",
                          StringValue(ClassifierConfig{}.model),
                          MakeStringAccessor(&WorkloadComponent::m_model),
                          MakeChoiceChecker({"mlp", "gn-lenet", "mf"}))
            .AddAttribute("MlpHidden",
                          "Hidden units of the mlp model.",
                          UintegerValue(ClassifierConfig{}.mlpHidden),
                          MakeUintegerAccessor(&WorkloadComponent::m_mlpHidden),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("MfBiases",
                          "mf: add user, item and global biases (the reference model has none).",
                          BooleanValue(MatrixFactorizationConfig{}.biases),
                          MakeBooleanAccessor(&WorkloadComponent::m_mfBiases),
                          MakeBooleanChecker())
            .AddAttribute("BatchSize",
                          "Mini-batch size of local SGD.",
                          UintegerValue(ClassifierConfig{}.batchSize),
                          MakeUintegerAccessor(&WorkloadComponent::m_batchSize),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("LearningRate",
                          "SGD learning rate.",
                          DoubleValue(ClassifierConfig{}.learningRate),
                          MakeDoubleAccessor(&WorkloadComponent::m_learningRate),
                          MakeDoubleChecker<double>(1e-12))
            .AddAttribute("TestSamples",
                          "Evaluate on a fixed random test subset of this size (0: the whole "
                          "test set).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&WorkloadComponent::m_testSamples),
                          MakeUintegerChecker<uint32_t>());
    return tid;
}

void
WorkloadComponent::SetWorkload(std::shared_ptr<Workload> workload)
{
    m_given = std::move(workload);
}

void
WorkloadComponent::CopyFrom(const ExperimentComponent& other)
{
    ExperimentComponent::CopyFrom(other);
    m_given = dynamic_cast<const WorkloadComponent&>(other).m_given;
}

void
WorkloadComponent::Configure(ExperimentContext& context)
{
    const uint32_t nodes = context.GetNodeCount();
    if (m_given)
    {
        for (const char* name : {"Dataset",
                                 "DataPath",
                                 "Partition",
                                 "Model",
                                 "MlpHidden",
                                 "MfBiases",
                                 "BatchSize",
                                 "LearningRate",
                                 "TestSamples"})
        {
            context.RefuseIgnored(name, "the workload is given as an object (SetWorkload)");
        }
        context.workload = m_given;
    }
    else
    {
        if (m_dataset == "synthetic")
        {
            context.RefuseIgnored("DataPath", "{Dataset} = synthetic reads no files");
        }
        if (m_model != "mf")
        {
            context.RefuseIgnored("MfBiases", "{Model} = " + m_model + " (it applies to mf)");
        }
        if (m_model != "mlp")
        {
            context.RefuseIgnored("MlpHidden", "{Model} = " + m_model + " (it applies to mlp)");
        }
        if (m_dataset == "movielens")
        {
            context.RefuseIgnored("Partition", "MovieLens spreads users over the nodes");
        }
        context.workload = Make(nodes, context.seed);
    }
    if (context.workload->GetNodeCount() != nodes)
    {
        throw std::invalid_argument("the network has " + std::to_string(nodes) +
                                    " learning nodes but the workload is partitioned for " +
                                    std::to_string(context.workload->GetNodeCount()));
    }
}

std::shared_ptr<Workload>
WorkloadComponent::Make(uint32_t nodes, uint32_t seed) const
{
    if (m_dataset != "synthetic" && m_dataPath.empty())
    {
        throw SettingError("DataPath",
                           "{Dataset} = " + m_dataset +
                               " needs {DataPath}: the folder holding its files (e.g. "
                               "cifar-10-batches-bin or ml-latest-small)");
    }
    if (m_dataset == "movielens")
    {
        if (m_model != "mf")
        {
            throw SettingError("Model", "{Dataset} = movielens needs {Model} = mf, not " + m_model);
        }
        MatrixFactorizationConfig config;
        config.batchSize = m_batchSize;
        config.learningRate = m_learningRate;
        config.biases = m_mfBiases;
        config.initSeed = seed;
        config.samplingSeed = seed;
        return MakeMovieLensWorkload(m_dataPath, nodes, config, seed, m_testSamples);
    }
    if (m_model == "mf")
    {
        throw SettingError("Model",
                           "{Model} = mf needs {Dataset} = movielens; use mlp or gn-lenet for " +
                               m_dataset);
    }
    ClassifierConfig config;
    config.model = m_model;
    config.mlpHidden = m_mlpHidden;
    config.batchSize = m_batchSize;
    config.learningRate = m_learningRate;
    config.initSeed = seed;
    config.samplingSeed = seed;
    try
    {
        if (m_dataset == "cifar10")
        {
            return MakeCifar10Workload(m_dataPath, nodes, m_partition, config, seed, m_testSamples);
        }
        return MakeSyntheticWorkload(nodes, m_partition, config, seed, m_testSamples);
    }
    catch (const std::invalid_argument& error)
    {
        throw SettingError("Partition", "{Partition} = " + m_partition + ": " + error.what());
    }
}

} // namespace ns3
