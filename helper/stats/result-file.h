/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_RESULT_FILE_H
#define DIVSHARE_RESULT_FILE_H

#include <fstream>
#include <string>
#include <utility>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief A result file written safely: into PATH.tmp, then flushed, checked and renamed to
 * PATH by Commit(). A reader never sees a half-written file, and a write that fails (a full
 * disk, a folder gone) is an error naming the file instead of a short file. Without Commit()
 * (an error on the way) the temporary file is removed.
 */
class ResultFile
{
  public:
    /**
     * \param path the file to write, numbers with 9 significant digits
     * \throws std::runtime_error naming the file when it cannot be created
     */
    explicit ResultFile(std::string path);
    ~ResultFile();
    /** \param other a file being written, which this one takes over */
    ResultFile(ResultFile&& other) noexcept;
    ResultFile(const ResultFile&) = delete;
    ResultFile& operator=(const ResultFile&) = delete;
    ResultFile& operator=(ResultFile&&) = delete;

    /**
     * \param value anything an std::ostream writes
     * \return this file
     */
    template <typename T>
    ResultFile& operator<<(T&& value)
    {
        m_out << std::forward<T>(value);
        return *this;
    }

    /**
     * \brief Flush, check, close and rename the file into place.
     * \throws std::runtime_error naming the file when any write failed
     */
    void Commit();

  private:
    std::string m_path;
    std::string m_temporary;
    std::ofstream m_out;
    bool m_open{false}; //!< written to, neither committed nor taken over
};

} // namespace ns3

#endif /* DIVSHARE_RESULT_FILE_H */
