/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "result-file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iomanip>
#include <stdexcept>

namespace ns3
{

ResultFile::ResultFile(std::string path)
    : m_path(std::move(path)),
      m_temporary(m_path + ".tmp"),
      m_out(m_temporary),
      m_open(true)
{
    if (!m_out)
    {
        m_open = false;
        throw std::runtime_error("cannot write " + m_path + " (" + std::strerror(errno) +
                                 "); check that the output folder is writable");
    }
    m_out << std::setprecision(9);
}

ResultFile::ResultFile(ResultFile&& other) noexcept
    : m_path(std::move(other.m_path)),
      m_temporary(std::move(other.m_temporary)),
      m_out(std::move(other.m_out)),
      m_open(std::exchange(other.m_open, false))
{
}

ResultFile::~ResultFile()
{
    if (m_open)
    {
        m_out.close();
        std::remove(m_temporary.c_str());
    }
}

void
ResultFile::Commit()
{
    m_out.flush();
    const bool written = static_cast<bool>(m_out);
    const int error = errno;
    m_out.close();
    if (!written || m_out.fail() || std::rename(m_temporary.c_str(), m_path.c_str()) != 0)
    {
        const int cause = written ? errno : error;
        std::remove(m_temporary.c_str());
        m_open = false;
        throw std::runtime_error("cannot write " + m_path + " (" + std::strerror(cause) +
                                 "): the result file is incomplete; free space or choose "
                                 "another output folder");
    }
    m_open = false;
}

} // namespace ns3
