/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_FRAGMENT_INBOX_H
#define DIVSHARE_FRAGMENT_INBOX_H

#include <cstddef>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Model fragments received since the last aggregation.
 *
 * One slot per (sender, fragment id): a copy from the same or a later iteration of the sender
 * replaces the one held (one TCP connection delivers a sender's messages in order, so the
 * later arrival is the newer copy: e.g. an AD-PSGD reply after a push of the same
 * iteration); an older copy is ignored. Full models are fragment 0 of 1.
 */
class FragmentInbox
{
  public:
    /** A received fragment. */
    struct Entry
    {
        uint32_t iteration;        //!< sender's iteration that produced it
        std::vector<float> values; //!< the fragment's values
    };

    /** Slot key: (sender, fragment id). */
    using Key = std::pair<uint32_t, uint32_t>;

    /**
     * \brief Store a fragment.
     * \param sender sender's node index
     * \param fragment fragment id
     * \param iteration sender's iteration
     * \param values the values (moved in)
     * \return true if stored, false if a newer copy was already held
     */
    bool Put(uint32_t sender, uint32_t fragment, uint32_t iteration, std::vector<float>&& values);
    /** \return the number of occupied slots */
    std::size_t GetSize() const;
    /** \return true if sender has at least one slot */
    bool HasSender(uint32_t sender) const;
    /** \return the occupied slots, ordered by (sender, fragment) */
    const std::map<Key, Entry>& GetEntries() const;
    /** \brief Empty every slot. */
    void Clear();

  private:
    std::map<Key, Entry> m_entries;
};

} // namespace ns3

#endif /* DIVSHARE_FRAGMENT_INBOX_H */
