/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_PROGRESS_LINE_H
#define DIVSHARE_PROGRESS_LINE_H

#include "ns3/nstime.h"

#include <chrono>
#include <string>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief A run's progress on standard output. On a terminal, a live last line (simulated
 * time, share done, wall time, estimated time left, the latest mean metric) kept under the
 * evaluation lines; elsewhere (a file, a pipe) only the evaluation lines, as plain lines.
 */
class ProgressLine
{
  public:
    /**
     * \param stop the run's simulated duration
     * \param live draw the live line (default: standard output is a terminal)
     */
    explicit ProgressLine(Time stop, bool live);
    /** \param stop the run's simulated duration; live when standard output is a terminal */
    explicit ProgressLine(Time stop);

    /** \brief Start the wall clock and, when live, the redraws (simulator events). */
    void Start();
    /** \param line a permanent line (an evaluation round), printed above the live line */
    void Print(const std::string& line);
    /** \param text the latest metric, e.g. "accuracy 0.4120", shown on the live line */
    void SetMetric(const std::string& text);
    /** \brief Clear the live line (at the end of the run). */
    void Finish();
    /** \return wall seconds since Start() */
    double WallSeconds() const;

  private:
    void Tick();
    void Draw();

    Time m_stop;
    bool m_live;
    std::string m_metric;
    std::chrono::steady_clock::time_point m_start;
    double m_drawnAt{-1.0}; //!< wall seconds of the last draw
    bool m_shown{false};    //!< the live line is on the screen
};

} // namespace ns3

#endif /* DIVSHARE_PROGRESS_LINE_H */
