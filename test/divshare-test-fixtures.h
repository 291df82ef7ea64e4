/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_TEST_FIXTURES_H
#define DIVSHARE_TEST_FIXTURES_H

// What several test suites share.

#include "ns3/test.h"

#include <fstream>
#include <functional>
#include <sstream>
#include <string>

namespace ns3
{
namespace divshare_tests
{

/** Calls function: lets Simulator::Schedule run a lambda on ns-3.35 too, which takes none. */
inline void
RunFunction(std::function<void()> function)
{
    function();
}

/**
 * \param path a file
 * \return its contents (empty if it cannot be read)
 */
inline std::string
ReadFile(const std::string& path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/** TestCase's EXTENSIVE duration: an enum class member since ns-3.40, a plain one before. */
template <typename T>
constexpr auto
Extensive(int) -> decltype(T::Duration::EXTENSIVE)
{
    return T::Duration::EXTENSIVE;
}

/** \copydoc Extensive(int) */
template <typename T>
constexpr auto
Extensive(long) -> decltype(T::EXTENSIVE)
{
    return T::EXTENSIVE;
}

} // namespace divshare_tests
} // namespace ns3

#endif /* DIVSHARE_TEST_FIXTURES_H */
