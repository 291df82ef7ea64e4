/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "data-partition.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <numeric>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

namespace ns3
{

namespace
{

/** \return the value of text when all of it is one number, NaN otherwise */
double
ParseNumber(const std::string& text)
{
    constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();
    if (text.empty())
    {
        return notANumber;
    }
    char* end = nullptr;
    errno = 0;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || errno == ERANGE)
    {
        return notANumber;
    }
    return value;
}

} // namespace

DataPartition
PartitionIid(std::size_t samples, uint32_t nodes, uint64_t seed)
{
    if (nodes == 0 || samples < nodes)
    {
        throw std::invalid_argument("IID partition: " + std::to_string(samples) +
                                    " samples cannot be spread over " + std::to_string(nodes) +
                                    " nodes; use fewer nodes or more data");
    }
    std::vector<std::size_t> order(samples);
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    DataPartition partition(nodes);
    for (std::size_t i = 0; i < samples; ++i)
    {
        partition[i % nodes].push_back(order[i]);
    }
    return partition;
}

DataPartition
PartitionShards(const std::vector<int64_t>& labels,
                uint32_t nodes,
                uint32_t shardsPerNode,
                uint64_t seed)
{
    const std::size_t shards = static_cast<std::size_t>(nodes) * shardsPerNode;
    if (nodes == 0 || shardsPerNode == 0 || labels.size() < shards)
    {
        throw std::invalid_argument("shard partition: " + std::to_string(labels.size()) +
                                    " samples cannot be cut into " + std::to_string(nodes) +
                                    " nodes x " + std::to_string(shardsPerNode) +
                                    " shards; use fewer nodes or shards");
    }
    std::vector<std::size_t> byLabel(labels.size());
    std::iota(byLabel.begin(), byLabel.end(), 0);
    std::stable_sort(byLabel.begin(), byLabel.end(), [&labels](std::size_t a, std::size_t b) {
        return labels[a] < labels[b];
    });
    std::vector<std::size_t> shardOrder(shards);
    std::iota(shardOrder.begin(), shardOrder.end(), 0);
    std::mt19937_64 rng(seed);
    std::shuffle(shardOrder.begin(), shardOrder.end(), rng);

    // Shard s is [s * n / shards, (s + 1) * n / shards): sizes differ by at most one and no
    // sample is left out.
    const std::size_t n = labels.size();
    DataPartition partition(nodes);
    for (std::size_t slot = 0; slot < shards; ++slot)
    {
        const std::size_t shard = shardOrder[slot];
        auto& owner = partition[slot / shardsPerNode];
        owner.insert(owner.end(),
                     byLabel.begin() + shard * n / shards,
                     byLabel.begin() + (shard + 1) * n / shards);
    }
    return partition;
}

DataPartition
PartitionDirichlet(const std::vector<int64_t>& labels, uint32_t nodes, double alpha, uint64_t seed)
{
    if (!(alpha > 0.0) || !std::isfinite(alpha))
    {
        throw std::invalid_argument("Dirichlet partition: alpha must be a positive number, got " +
                                    std::to_string(alpha));
    }
    if (nodes == 0 || labels.size() < nodes)
    {
        throw std::invalid_argument("Dirichlet partition: " + std::to_string(labels.size()) +
                                    " samples cannot be spread over " + std::to_string(nodes) +
                                    " nodes; use fewer nodes or more data");
    }
    std::vector<std::vector<std::size_t>> byClass;
    for (std::size_t i = 0; i < labels.size(); ++i)
    {
        if (labels[i] < 0)
        {
            throw std::invalid_argument("Dirichlet partition: sample " + std::to_string(i) +
                                        " has negative label " + std::to_string(labels[i]));
        }
        const auto label = static_cast<std::size_t>(labels[i]);
        if (label >= byClass.size())
        {
            byClass.resize(label + 1);
        }
        byClass[label].push_back(i);
    }

    std::mt19937_64 rng(seed);
    std::gamma_distribution<double> gamma(alpha, 1.0);
    std::uniform_int_distribution<uint32_t> anyNode(0, nodes - 1);
    std::vector<double> cumulative(nodes);
    constexpr int attempts = 100;
    for (int attempt = 0; attempt < attempts; ++attempt)
    {
        DataPartition partition(nodes);
        for (auto members : byClass)
        {
            std::shuffle(members.begin(), members.end(), rng);
            double total = 0.0;
            for (auto& c : cumulative)
            {
                total += gamma(rng);
                c = total;
            }
            if (!(total > 0.0))
            {
                // With a tiny alpha every gamma draw can underflow to zero; the Dirichlet's
                // limit then puts the whole class on a single node.
                std::fill(cumulative.begin(), cumulative.end(), 0.0);
                std::fill(cumulative.begin() + anyNode(rng), cumulative.end(), 1.0);
                total = 1.0;
            }
            std::size_t begin = 0;
            for (uint32_t node = 0; node < nodes; ++node)
            {
                const auto end = static_cast<std::size_t>(
                    std::llround(cumulative[node] / total * static_cast<double>(members.size())));
                auto& owner = partition[node];
                owner.insert(owner.end(), members.begin() + begin, members.begin() + end);
                begin = end;
            }
        }
        if (std::none_of(partition.begin(), partition.end(), [](const auto& samples) {
                return samples.empty();
            }))
        {
            return partition;
        }
    }
    throw std::invalid_argument("Dirichlet partition: " + std::to_string(attempts) +
                                " draws with alpha " + std::to_string(alpha) +
                                " all left a node without samples; use a larger alpha or fewer "
                                "nodes");
}

namespace
{

/** A partition spec: its kind and argument. */
struct PartitionSpec
{
    std::string kind; //!< iid, shards or dirichlet
    double argument;  //!< shards per node, or alpha
};

PartitionSpec
ParsePartitionSpec(const std::string& spec)
{
    const auto colon = spec.find(':');
    const std::string kind = spec.substr(0, colon);
    const double argument = colon == std::string::npos ? std::numeric_limits<double>::quiet_NaN()
                                                       : ParseNumber(spec.substr(colon + 1));
    if (spec == "iid")
    {
        return {"iid", 0};
    }
    if (spec == "shards")
    {
        return {"shards", 5};
    }
    if (kind == "shards" && argument >= 1 && argument <= UINT32_MAX &&
        argument == std::floor(argument))
    {
        return {"shards", argument};
    }
    if (kind == "dirichlet" && std::isfinite(argument))
    {
        if (argument <= 0)
        {
            throw std::invalid_argument("partition spec '" + spec +
                                        "': the Dirichlet alpha must be a positive number");
        }
        return {"dirichlet", argument};
    }
    throw std::invalid_argument("partition spec '" + spec +
                                "' not understood; use iid, shards (5 per node), shards:K (K "
                                "per node, K >= 1) or dirichlet:ALPHA");
}

} // namespace

void
CheckPartitionSpec(const std::string& spec)
{
    ParsePartitionSpec(spec);
}

DataPartition
MakePartition(const std::string& spec,
              const std::vector<int64_t>& labels,
              uint32_t nodes,
              uint64_t seed)
{
    const PartitionSpec parsed = ParsePartitionSpec(spec);
    if (parsed.kind == "iid")
    {
        return PartitionIid(labels.size(), nodes, seed);
    }
    if (parsed.kind == "shards")
    {
        return PartitionShards(labels, nodes, static_cast<uint32_t>(parsed.argument), seed);
    }
    return PartitionDirichlet(labels, nodes, parsed.argument, seed);
}

std::string
SummarizePartition(const DataPartition& partition, const std::vector<int64_t>& labels)
{
    std::vector<std::size_t> samples;
    std::vector<std::size_t> classes;
    for (const auto& owned : partition)
    {
        std::set<int64_t> seen;
        for (auto i : owned)
        {
            seen.insert(labels.at(i));
        }
        samples.push_back(owned.size());
        classes.push_back(seen.size());
    }
    const auto spread = [](const std::vector<std::size_t>& values) {
        std::ostringstream out;
        const auto [low, high] = std::minmax_element(values.begin(), values.end());
        out << *low << "-" << *high << " (mean "
            << static_cast<double>(std::accumulate(values.begin(), values.end(), std::size_t{0})) /
                   values.size()
            << ")";
        return out.str();
    };
    std::ostringstream out;
    out << partition.size() << " nodes";
    if (!partition.empty())
    {
        out << ", samples " << spread(samples) << ", classes " << spread(classes)
            << "; node:samples/classes";
        // A line per run, not a page: the first nodes of a large network show the pattern.
        const std::size_t shown = std::min<std::size_t>(partition.size(), 64);
        for (std::size_t node = 0; node < shown; ++node)
        {
            out << " " << node << ":" << samples[node] << "/" << classes[node];
        }
        if (shown < partition.size())
        {
            out << " ... (" << partition.size() - shown << " more)";
        }
    }
    return out.str();
}

} // namespace ns3
