/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_DISTRIBUTED_RUN_H
#define DIVSHARE_DISTRIBUTED_RUN_H

#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief This process's place in a distributed run: ns-3's distributed simulator over MPI,
 * one rank per process, started by an MPI launcher (`mpirun -np K`, `srun`).
 *
 * Enable() starts MPI and ns-3's distributed simulator when the process was launched with
 * more than one rank, in a build of ns-3 with MPI (`./divshare build --ns3-source`); without
 * a launcher, or with one rank, the run is the usual sequential one. Ranks other than 0 print
 * nothing on standard output (errors still go to standard error): rank 0 speaks for the run.
 *
 * Call the collectives after Simulator::Run, never inside events: in ns-3's
 * granted-time-window synchronization a collective called from an event could wait for a
 * rank that waits in the window's own collective.
 */
class DistributedRun
{
  public:
    /**
     * \brief Start a distributed run if the launcher started more than one rank; MPI ends
     * when the process exits.
     * \param argc the program's argument count
     * \param argv its arguments
     * \throws std::invalid_argument when more than one rank was launched but this build has
     *         no MPI (every rank would run the whole study and write the same files)
     */
    static void Enable(int* argc, char*** argv);
    /**
     * \return the number of ranks the MPI launcher started (OpenMPI's mpirun; MPICH's and
     * Slurm's PMI), 1 without one: what a program that runs in one process only checks
     */
    static uint32_t GetLaunchedRanks();
    /** \return this process's rank, 0 when not distributed */
    static uint32_t GetRank();
    /** \return the number of ranks, 1 when not distributed */
    static uint32_t GetRanks();

    /**
     * \brief Collect every rank's bytes on rank 0 (a collective: every rank calls it).
     * \param bytes this rank's bytes
     * \return on rank 0, every rank's bytes by rank; elsewhere, nothing
     */
    static std::vector<std::string> Gather(const std::string& bytes);

    /**
     * \brief Gather() for plain values, concatenated in rank order.
     * \param values this rank's values
     * \return on rank 0, every rank's values in rank order; elsewhere, nothing
     */
    template <typename T>
    static std::vector<T> GatherValues(const std::vector<T>& values)
    {
        static_assert(std::is_trivially_copyable_v<T>, "gathered as bytes");
        std::vector<T> all;
        for (const auto& bytes : Gather(std::string(reinterpret_cast<const char*>(values.data()),
                                                    values.size() * sizeof(T))))
        {
            if (bytes.empty())
            {
                continue; // memcpy must not see the null data() of an empty vector
            }
            const std::size_t first = all.size();
            all.resize(first + bytes.size() / sizeof(T));
            std::memcpy(all.data() + first, bytes.data(), bytes.size());
        }
        return all;
    }
};

} // namespace ns3

#endif /* DIVSHARE_DISTRIBUTED_RUN_H */
