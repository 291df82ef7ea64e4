/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "fragment-inbox.h"

namespace ns3
{

bool
FragmentInbox::Put(uint32_t sender,
                   uint32_t fragment,
                   uint32_t iteration,
                   std::vector<float>&& values)
{
    auto [it, inserted] = m_entries.try_emplace(Key{sender, fragment});
    if (!inserted && it->second.iteration > iteration)
    {
        return false;
    }
    it->second.iteration = iteration;
    it->second.values = std::move(values);
    return true;
}

std::size_t
FragmentInbox::GetSize() const
{
    return m_entries.size();
}

bool
FragmentInbox::HasSender(uint32_t sender) const
{
    auto it = m_entries.lower_bound(Key{sender, 0});
    return it != m_entries.end() && it->first.first == sender;
}

const std::map<FragmentInbox::Key, FragmentInbox::Entry>&
FragmentInbox::GetEntries() const
{
    return m_entries;
}

void
FragmentInbox::Clear()
{
    m_entries.clear();
}

} // namespace ns3
