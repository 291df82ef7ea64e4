/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "input-file.h"

#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace ns3
{

std::ifstream
OpenInputFile(const std::string& path, const std::string& what, std::ios::openmode mode)
{
    namespace fs = std::filesystem;
    auto fail = [&](const std::string& problem) {
        return std::invalid_argument(what + " " + path + ": " + problem);
    };
    std::error_code error;
    const auto status = fs::status(path, error);
    if (path.empty() || status.type() == fs::file_type::not_found)
    {
        throw fail("no such file; check the path");
    }
    if (status.type() == fs::file_type::directory)
    {
        throw fail("is a directory; give the file itself");
    }
    if (status.type() != fs::file_type::regular)
    {
        throw fail("is not a regular file (a FIFO, socket or device would block the run); "
                   "give a file");
    }
    std::ifstream in(path, mode);
    if (!in)
    {
        throw fail("cannot be read; check its permissions");
    }
    return in;
}

} // namespace ns3
