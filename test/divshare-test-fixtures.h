/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_TEST_FIXTURES_H
#define DIVSHARE_TEST_FIXTURES_H

// What several test suites share.

#include "ns3/test.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <system_error>
#include <unistd.h>

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

/** \return whether \p text contains \p part (error messages' checks) */
inline bool
Contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
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

/**
 * A fresh directory under the system's temporary folder, named by the process so that test
 * runs side by side do not share it, and removed with its contents when it goes out of scope,
 * also when a failed assertion ends the test early.
 */
class TempDir
{
  public:
    /** \param tag a word in the directory's name */
    explicit TempDir(const std::string& tag)
    {
        static int count = 0;
        m_path =
            std::filesystem::temp_directory_path() /
            ("divshare-" + tag + "-" + std::to_string(getpid()) + "-" + std::to_string(count++));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }

    ~TempDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }

    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    /** \return the path of a file in the directory */
    std::string File(const std::string& name) const
    {
        return (m_path / name).string();
    }

    /** \return the directory's path */
    std::string Path() const
    {
        return m_path.string();
    }

  private:
    std::filesystem::path m_path;
};

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
