/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_INPUT_FILE_H
#define DIVSHARE_INPUT_FILE_H

#include <fstream>
#include <string>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Open a file a user named (a data set, scenario, topology, Kollaps or events file)
 * for reading, after checking that it is one: a directory would read as empty, and a FIFO
 * or device would block the run before it starts.
 * \param path the file
 * \param what what the file is, for the message (e.g. "topology file")
 * \param mode the stream's mode
 * \return the open stream
 * \throws std::invalid_argument "WHAT PATH: problem; fix" when missing, not a regular file,
 * or unreadable
 */
std::ifstream OpenInputFile(const std::string& path,
                            const std::string& what,
                            std::ios::openmode mode = std::ios::in);

} // namespace ns3

#endif /* DIVSHARE_INPUT_FILE_H */
