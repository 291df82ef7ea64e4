/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "distributed-run.h"

#include "ns3/log.h"

#include <climits>
#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <streambuf>

#ifdef DIVSHARE_MPI
#include "ns3/mpi-interface.h"

#include <mpi.h>
#endif

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DistributedRun");

namespace
{

#ifdef DIVSHARE_MPI
/** Swallows what ranks other than 0 print. */
class Discard : public std::streambuf
{
  protected:
    int overflow(int c) override
    {
        return traits_type::not_eof(c);
    }
};
#endif

} // namespace

uint32_t
DistributedRun::GetLaunchedRanks()
{
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"})
    {
        if (const char* value = std::getenv(name))
        {
            const long ranks = std::strtol(value, nullptr, 10);
            return ranks > 1 ? static_cast<uint32_t>(ranks) : 1;
        }
    }
    return 1;
}

void
DistributedRun::Enable(int* argc, char*** argv)
{
    const uint32_t launched = GetLaunchedRanks();
    if (launched == 1)
    {
        return;
    }
#ifdef DIVSHARE_MPI
    if (MpiInterface::IsEnabled())
    {
        return;
    }
    // The granted-time-window simulator, unless --SimulatorImplementationType chose the
    // null-message one.
    MpiInterface::Enable(argc, argv);
    std::atexit([] { MpiInterface::Disable(); });
    NS_LOG_INFO("rank " << GetRank() << " of " << GetRanks());
    if (GetRank() != 0)
    {
        static Discard discard;
        std::cout.rdbuf(&discard);
    }
#else
    (void)argc;
    (void)argv;
    throw std::invalid_argument(
        "started as " + std::to_string(launched) +
        " MPI ranks, but this build of ns-3 has no MPI: every rank would run the whole study. "
        "Run the programs of an ns-3 built with MPI (./divshare build --ns3-source), or run "
        "without mpirun");
#endif
}

uint32_t
DistributedRun::GetRank()
{
#ifdef DIVSHARE_MPI
    return MpiInterface::GetSystemId();
#else
    return 0;
#endif
}

uint32_t
DistributedRun::GetRanks()
{
#ifdef DIVSHARE_MPI
    return MpiInterface::GetSize();
#else
    return 1;
#endif
}

std::vector<std::string>
DistributedRun::Gather(const std::string& bytes)
{
#ifdef DIVSHARE_MPI
    if (GetRanks() > 1)
    {
        const MPI_Comm comm = MpiInterface::GetCommunicator();
        // One rank cannot throw out of a collective the others wait in: end them all.
        auto refuse = [comm](long bytes) {
            std::cerr << "divshare: " << bytes
                      << " bytes of results to gather, more than MPI_Gatherv takes" << std::endl;
            MPI_Abort(comm, 1);
        };
        if (bytes.size() > INT_MAX)
        {
            refuse(static_cast<long>(bytes.size()));
        }
        const int size = static_cast<int>(bytes.size());
        std::vector<int> sizes(GetRanks());
        MPI_Gather(&size, 1, MPI_INT, sizes.data(), 1, MPI_INT, 0, comm);
        std::vector<int> offsets(GetRanks(), 0);
        long total = 0;
        for (std::size_t rank = 0; rank < sizes.size(); ++rank)
        {
            offsets[rank] = static_cast<int>(total);
            total += sizes[rank];
        }
        if (total > INT_MAX)
        {
            refuse(total);
        }
        std::string all(GetRank() == 0 ? total : 0, '\0');
        MPI_Gatherv(bytes.data(),
                    size,
                    MPI_BYTE,
                    all.data(),
                    sizes.data(),
                    offsets.data(),
                    MPI_BYTE,
                    0,
                    comm);
        std::vector<std::string> byRank;
        if (GetRank() == 0)
        {
            for (std::size_t rank = 0; rank < sizes.size(); ++rank)
            {
                byRank.push_back(all.substr(offsets[rank], sizes[rank]));
            }
        }
        return byRank;
    }
#endif
    return {bytes};
}

} // namespace ns3
