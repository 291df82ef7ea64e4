/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of the protocol layer: fragmentation, inbox, aggregation, peer sampling.

#include "ns3/fragment-inbox.h"
#include "ns3/model-aggregator.h"
#include "ns3/model-fragmenter.h"
#include "ns3/peer-sampling.h"
#include "ns3/random-source.h"
#include "ns3/test.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <stdexcept>

using namespace ns3;

/**
 * \ingroup divshare-tests
 * Every parameter is in exactly one fragment, fragments are balanced per tensor, and the
 * permutation depends on the seed only.
 */
class FragmenterPartitionTestCase : public TestCase
{
  public:
    FragmenterPartitionTestCase()
        : TestCase("fragments partition the parameters exactly, from the shared seed")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<std::size_t> tensors{2432, 32, 25632, 7, 10250};
        const std::size_t total = std::accumulate(tensors.begin(), tensors.end(), std::size_t{0});
        for (uint32_t omega : {1U, 2U, 10U, 64U})
        {
            ModelFragmenter fragmenter(tensors, omega, 42);
            NS_TEST_ASSERT_MSG_EQ(fragmenter.GetFragmentCount(), omega, "fragment count");
            std::vector<int> owners(total, 0);
            std::size_t smallest = total;
            std::size_t largest = 0;
            for (uint32_t f = 0; f < omega; ++f)
            {
                const auto& indices = fragmenter.GetIndices(f);
                smallest = std::min(smallest, indices.size());
                largest = std::max(largest, indices.size());
                for (auto k : indices)
                {
                    NS_TEST_ASSERT_MSG_LT(k, total, "index in range");
                    ++owners[k];
                }
            }
            NS_TEST_ASSERT_MSG_EQ(std::count(owners.begin(), owners.end(), 1),
                                  static_cast<long>(total),
                                  "every parameter in exactly one fragment, Omega=" << omega);
            // Each tensor's slices differ by at most one: fragments by at most one per tensor.
            NS_TEST_ASSERT_MSG_LT_OR_EQ(largest - smallest, tensors.size(), "balanced fragments");
        }

        ModelFragmenter a(tensors, 10, 7);
        ModelFragmenter b(tensors, 10, 7);
        ModelFragmenter c(tensors, 10, 8);
        NS_TEST_ASSERT_MSG_EQ((a.GetIndices(3) == b.GetIndices(3)), true, "same seed, same map");
        NS_TEST_ASSERT_MSG_EQ((a.GetIndices(3) != c.GetIndices(3)), true, "other seed, other map");

        // A fragment is a random subset, not a contiguous chunk: it spans the whole tensor.
        const auto& first = a.GetIndices(0);
        NS_TEST_ASSERT_MSG_GT(first.back() - first.front(), total / 2, "spread over the model");

        std::vector<float> model(total);
        std::iota(model.begin(), model.end(), 0.0F);
        const auto values = a.Extract(model, 5);
        for (std::size_t j = 0; j < values.size(); ++j)
        {
            NS_TEST_ASSERT_MSG_EQ(values[j], model[a.GetIndices(5)[j]], "extract gathers");
        }

        bool threw = false;
        try
        {
            ModelFragmenter impossible({3}, 4, 1);
        }
        catch (const std::invalid_argument&)
        {
            threw = true;
        }
        NS_TEST_ASSERT_MSG_EQ(threw, true, "more fragments than parameters is refused");
    }
};

/**
 * \ingroup divshare-tests
 * Count-weighted per-coordinate averaging against a case computed by hand.
 */
class AggregationTestCase : public TestCase
{
  public:
    AggregationTestCase()
        : TestCase("aggregation equals a hand-computed count-weighted average")
    {
    }

  private:
    void DoRun() override
    {
        // 6 parameters in one tensor, 2 fragments.
        ModelFragmenter fragmenter({6}, 2, 3);
        const auto& f0 = fragmenter.GetIndices(0);
        const auto& f1 = fragmenter.GetIndices(1);
        NS_TEST_ASSERT_MSG_EQ(f0.size() + f1.size(), 6, "two fragments of three");

        std::vector<float> own{1, 2, 3, 4, 5, 6};
        FragmentInbox inbox;
        // Node 1 sends fragment 0 with all 10s; node 2 sends fragment 0 with 40s and
        // fragment 1 with 7s. Fragment-0 coordinates: (x + 10 + 40) / 3; fragment-1: (x + 7) / 2.
        inbox.Put(1, 0, 1, std::vector<float>(f0.size(), 10.0F));
        inbox.Put(2, 0, 1, std::vector<float>(f0.size(), 40.0F));
        inbox.Put(2, 1, 1, std::vector<float>(f1.size(), 7.0F));

        std::vector<float> expected = own;
        for (auto k : f0)
        {
            expected[k] = (own[k] + 10.0F + 40.0F) / 3.0F;
        }
        for (auto k : f1)
        {
            expected[k] = (own[k] + 7.0F) / 2.0F;
        }
        ModelAggregator aggregator;
        std::vector<float> model = own;
        const auto stats = aggregator.Aggregate(model, inbox, fragmenter);
        NS_TEST_ASSERT_MSG_EQ(stats.fragments, 3, "three inbox entries");
        NS_TEST_ASSERT_MSG_EQ(stats.coordinates, 6, "all coordinates touched");
        for (std::size_t k = 0; k < 6; ++k)
        {
            NS_TEST_ASSERT_MSG_EQ_TOL(model[k], expected[k], 1e-6, "coordinate " << k);
        }

        // Coordinates nobody sent stay as they are.
        FragmentInbox partial;
        partial.Put(1, 1, 1, std::vector<float>(f1.size(), 0.0F));
        model = own;
        aggregator.Aggregate(model, partial, fragmenter);
        for (auto k : f0)
        {
            NS_TEST_ASSERT_MSG_EQ(model[k], own[k], "untouched coordinate " << k);
        }
        for (auto k : f1)
        {
            NS_TEST_ASSERT_MSG_EQ_TOL(model[k], own[k] / 2.0F, 1e-6, "halved coordinate " << k);
        }
    }
};

/**
 * \ingroup divshare-tests
 * The inbox keeps one slot per (sender, fragment): newer replaces older, older is ignored.
 */
class InboxTestCase : public TestCase
{
  public:
    InboxTestCase()
        : TestCase("the inbox keeps the newest copy per sender and fragment")
    {
    }

  private:
    void DoRun() override
    {
        FragmentInbox inbox;
        NS_TEST_ASSERT_MSG_EQ(inbox.Put(4, 2, 5, {1.0F}), true, "first copy stored");
        NS_TEST_ASSERT_MSG_EQ(inbox.Put(4, 2, 7, {2.0F}), true, "newer copy stored");
        NS_TEST_ASSERT_MSG_EQ(inbox.Put(4, 2, 6, {3.0F}), false, "older copy ignored");
        NS_TEST_ASSERT_MSG_EQ(inbox.Put(4, 2, 7, {2.5F}), true, "same iteration: later arrival");
        NS_TEST_ASSERT_MSG_EQ(inbox.Put(4, 3, 1, {4.0F}), true, "other fragment, other slot");
        NS_TEST_ASSERT_MSG_EQ(inbox.Put(9, 2, 1, {5.0F}), true, "other sender, other slot");
        NS_TEST_ASSERT_MSG_EQ(inbox.GetSize(), 3, "three slots");
        NS_TEST_ASSERT_MSG_EQ(inbox.GetEntries().at({4, 2}).values.front(), 2.5F, "newest kept");
        NS_TEST_ASSERT_MSG_EQ(inbox.HasSender(9), true, "sender 9 present");
        NS_TEST_ASSERT_MSG_EQ(inbox.HasSender(5), false, "sender 5 absent");
        inbox.Clear();
        NS_TEST_ASSERT_MSG_EQ(inbox.GetSize(), 0, "cleared");
    }
};

/**
 * \ingroup divshare-tests
 * DivShare's send plan: Ω·J transmissions, J distinct peers per fragment, never self,
 * peers roughly uniform.
 */
class SendPlanTestCase : public TestCase
{
  public:
    SendPlanTestCase()
        : TestCase("the send plan has J distinct peers per fragment, never self, uniform")
    {
    }

  private:
    void DoRun() override
    {
        RandomSource rng(11);
        BoundedRandom random = [&rng](uint32_t bound) { return rng.Below(bound); };
        const uint32_t nodes = 12;
        const uint32_t self = 5;
        std::vector<uint32_t> hits(nodes, 0);
        for (int round = 0; round < 200; ++round)
        {
            const auto plan = PlanFragmentSends(self, nodes, 10, 6, random);
            NS_TEST_ASSERT_MSG_EQ(plan.size(), 60, "Omega * J transmissions");
            for (uint32_t f = 0; f < 10; ++f)
            {
                std::set<uint32_t> peers;
                for (const auto& t : plan)
                {
                    if (t.fragment == f)
                    {
                        peers.insert(t.peer);
                    }
                }
                NS_TEST_ASSERT_MSG_EQ(peers.size(), 6, "J distinct peers for fragment " << f);
                NS_TEST_ASSERT_MSG_EQ(peers.count(self), 0, "never self");
            }
            for (const auto& t : plan)
            {
                ++hits[t.peer];
            }
        }
        // 200 rounds x 60 sends over 11 peers: 1090.9 each on average.
        for (uint32_t n = 0; n < nodes; ++n)
        {
            if (n != self)
            {
                NS_TEST_ASSERT_MSG_EQ_TOL(hits[n],
                                          1091.0,
                                          120.0,
                                          "peer " << n << " drawn uniformly");
            }
        }
        bool threw = false;
        try
        {
            SampleDistinctPeers(0, 4, 4, random);
        }
        catch (const std::invalid_argument&)
        {
            threw = true;
        }
        NS_TEST_ASSERT_MSG_EQ(threw, true, "J above the number of peers is refused");
    }
};

/**
 * \ingroup divshare-tests
 * The protocol-layer test suite.
 */
class DivShareProtocolTestSuite : public TestSuite
{
  public:
    DivShareProtocolTestSuite()
        : TestSuite("divshare-protocol")
    {
        AddTestCase(new FragmenterPartitionTestCase);
        AddTestCase(new AggregationTestCase);
        AddTestCase(new InboxTestCase);
        AddTestCase(new SendPlanTestCase);
    }
};

/// Static instance that registers the suite.
static DivShareProtocolTestSuite g_divshareProtocolTestSuite;
