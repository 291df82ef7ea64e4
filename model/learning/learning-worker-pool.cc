/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "learning-worker-pool.h"

// Only the thread-pool header: the full <torch/torch.h> costs seconds of compile time.
#include <ATen/Parallel.h>
#include <algorithm>
#include <chrono>

namespace ns3
{

bool
LearningWorkerPool::Job::IsDone() const
{
    return m_state == DONE;
}

LearningWorkerPool&
LearningWorkerPool::Get()
{
    static LearningWorkerPool pool;
    return pool;
}

LearningWorkerPool::~LearningWorkerPool()
{
    StopWorkers();
}

void
LearningWorkerPool::Configure(uint32_t workers, uint32_t threadsPerWorker)
{
    threadsPerWorker = std::max(1U, threadsPerWorker);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_configured && workers == m_workers && threadsPerWorker == m_threadsPerWorker)
        {
            return; // every application calls this when it starts
        }
    }
    m_configured = true;
    // The caller runs jobs too (in Wait), with the same thread count as every worker.
    SetLearningThreads(threadsPerWorker);
    StopWorkers();
    m_workers = workers;
    m_threadsPerWorker = threadsPerWorker;
    StartWorkers();
}

uint32_t
LearningWorkerPool::GetWorkers() const
{
    return m_workers;
}

uint32_t
LearningWorkerPool::GetThreadsPerWorker() const
{
    return m_threadsPerWorker;
}

void
LearningWorkerPool::StartWorkers()
{
    m_stopping = false;
    m_started = 0;
    for (uint32_t i = 0; i < m_workers; ++i)
    {
        m_threads.emplace_back([this] { WorkerLoop(); });
    }
    // Return only once every worker has set up LibTorch: a worker still inside
    // at::set_num_threads when the process exits blocks on LibTorch's locks, and the exit
    // then hangs joining it (seen when a run was refused right after the workers started).
    std::unique_lock<std::mutex> lock(m_mutex);
    m_jobDone.wait(lock, [this] { return m_started == m_threads.size(); });
}

void
LearningWorkerPool::StopWorkers()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_workAvailable.notify_all();
    for (auto& thread : m_threads)
    {
        thread.join();
    }
    m_threads.clear();
}

void
LearningWorkerPool::WorkerLoop()
{
    SetLearningThreads(m_threadsPerWorker);
    std::unique_lock<std::mutex> lock(m_mutex);
    ++m_started;
    m_jobDone.notify_all();
    while (true)
    {
        m_workAvailable.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        if (m_stopping)
        {
            return;
        }
        auto job = m_queue.top().job;
        m_queue.pop();
        if (job->m_state != Job::QUEUED)
        {
            continue; // cancelled, or taken by a waiting caller
        }
        job->m_state = Job::RUNNING;
        Run(*job, lock);
    }
}

void
LearningWorkerPool::Run(Job& job, std::unique_lock<std::mutex>& lock)
{
    lock.unlock();
    try
    {
        job.m_work();
    }
    catch (...)
    {
        job.m_error = std::current_exception();
    }
    job.m_work = nullptr; // release what the job captured on the thread that ran it
    lock.lock();
    job.m_state = Job::DONE;
    m_jobDone.notify_all();
}

std::shared_ptr<LearningWorkerPool::Job>
LearningWorkerPool::Submit(int64_t priority, std::function<void()> work)
{
    auto job = std::make_shared<Job>();
    job->m_work = std::move(work);
    if (m_workers == 0)
    {
        return job; // runs in Wait()
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.push(Entry{priority, m_sequence++, job});
    }
    m_workAvailable.notify_one();
    return job;
}

void
LearningWorkerPool::Wait(const std::shared_ptr<Job>& job)
{
    const auto start = std::chrono::steady_clock::now();
    std::unique_lock<std::mutex> lock(m_mutex);
    if (job->m_state == Job::QUEUED)
    {
        job->m_state = Job::RUNNING;
        Run(*job, lock);
    }
    else
    {
        m_jobDone.wait(lock, [&job] { return job->m_state != Job::RUNNING; });
    }
    m_waitSeconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (job->m_error)
    {
        auto error = job->m_error;
        job->m_error = nullptr;
        std::rethrow_exception(error);
    }
}

void
LearningWorkerPool::Cancel(const std::shared_ptr<Job>& job)
{
    if (!job)
    {
        return;
    }
    std::unique_lock<std::mutex> lock(m_mutex);
    if (job->m_state == Job::QUEUED)
    {
        job->m_state = Job::CANCELLED;
        job->m_work = nullptr;
        return;
    }
    m_jobDone.wait(lock, [&job] { return job->m_state != Job::RUNNING; });
}

double
LearningWorkerPool::GetWaitSeconds() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_waitSeconds;
}

void
SetLearningThreads(uint32_t threads)
{
    if (threads == 0)
    {
        threads = std::max(1U, std::thread::hardware_concurrency());
    }
    at::set_num_threads(static_cast<int>(threads));
}

uint32_t
GetLearningThreads()
{
    return static_cast<uint32_t>(at::get_num_threads());
}

} // namespace ns3
