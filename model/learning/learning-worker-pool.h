/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_LEARNING_WORKER_POOL_H
#define DIVSHARE_LEARNING_WORKER_POOL_H

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Threads that run LibTorch work (training, evaluation) beside the simulator.
 *
 * A job is submitted with a priority, the simulated instant by which its result is needed;
 * workers take the most urgent job first. Whoever needs a result calls Wait(): if no worker
 * has started the job yet, the caller runs it itself instead of idling. Every worker runs
 * LibTorch with the same fixed number of threads, and a job's result depends only on its
 * inputs, so results do not depend on the number of workers, on which thread ran a job, or
 * on the machine's core count. With zero workers every job runs in Wait(), on the caller's
 * thread, when it is needed.
 */
class LearningWorkerPool
{
  public:
    /** A submitted job: Wait() for it, or Cancel() it. */
    class Job
    {
      public:
        /** \return whether the job has finished (it may have failed) */
        bool IsDone() const;

      private:
        friend class LearningWorkerPool;

        enum State
        {
            QUEUED,
            RUNNING,
            DONE,
            CANCELLED
        };

        std::function<void()> m_work;
        std::atomic<State> m_state{QUEUED}; //!< written under the pool's lock
        std::exception_ptr m_error;
    };

    /** \return the process-wide pool */
    static LearningWorkerPool& Get();

    /**
     * \brief Set the number of workers and their LibTorch threads. Restarts the workers if
     * either changes; call it while no job is pending.
     * \param workers background threads; 0 runs every job on the thread that waits for it
     * \param threadsPerWorker LibTorch threads of every worker (and of a waiting caller)
     */
    void Configure(uint32_t workers, uint32_t threadsPerWorker);
    /** \return the number of background workers */
    uint32_t GetWorkers() const;
    /** \return the LibTorch threads of each worker */
    uint32_t GetThreadsPerWorker() const;

    /**
     * \brief Queue a job.
     * \param priority lower runs first (e.g. the simulated nanosecond its result is needed);
     *        equal priorities run in submission order
     * \param work the job; it must touch nothing the simulator changes until Wait() returns
     * \return its handle
     */
    std::shared_ptr<Job> Submit(int64_t priority, std::function<void()> work);
    /**
     * \brief Block until a job has run (running it here if no worker has started it).
     * \param job a submitted job
     * \throws whatever the job threw
     */
    void Wait(const std::shared_ptr<Job>& job);
    /**
     * \brief Drop a job that has not started; wait for one that has.
     * \param job a submitted job, or null
     */
    void Cancel(const std::shared_ptr<Job>& job);

    /**
     * \return wall seconds callers have spent in Wait(), running jobs themselves or blocked
     * on jobs that workers were running (for the simulator: time not spent simulating)
     */
    double GetWaitSeconds() const;

    ~LearningWorkerPool();

  private:
    LearningWorkerPool() = default;

    /** A queue entry: most urgent first, then oldest first. */
    struct Entry
    {
        int64_t priority;
        uint64_t sequence;
        std::shared_ptr<Job> job;

        bool operator<(const Entry& other) const
        {
            // std::priority_queue pops the largest element.
            return priority != other.priority ? priority > other.priority
                                              : sequence > other.sequence;
        }
    };

    void StartWorkers();
    void StopWorkers();
    void WorkerLoop();
    /** Run a job whose state the caller has just set to RUNNING, then mark it done. */
    void Run(Job& job, std::unique_lock<std::mutex>& lock);

    mutable std::mutex m_mutex;
    std::condition_variable m_workAvailable;
    std::condition_variable m_jobDone;
    std::priority_queue<Entry> m_queue;
    std::vector<std::thread> m_threads;
    std::size_t m_started{0}; //!< workers that have set up LibTorch
    uint32_t m_workers{0};
    uint32_t m_threadsPerWorker{1};
    uint64_t m_sequence{0};
    bool m_stopping{false};
    bool m_configured{false}; //!< Configure() has run
    double m_waitSeconds{0.0};
};

/**
 * \ingroup divshare
 * \brief Set the number of threads LibTorch uses on the calling thread.
 * \param threads number of threads; 0 means one per hardware core
 */
void SetLearningThreads(uint32_t threads);

/** \return the number of threads LibTorch currently uses */
uint32_t GetLearningThreads();

} // namespace ns3

#endif /* DIVSHARE_LEARNING_WORKER_POOL_H */
