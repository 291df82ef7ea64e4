/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "progress-line.h"

#include "ns3/simulator.h"

#include <iomanip>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace ns3
{

namespace
{

/** Redraws per run: often enough to look live, few enough to cost nothing. */
constexpr int TICKS = 1000;
/** Seconds of wall time between two draws. */
constexpr double REDRAW = 0.25;

std::string
Duration(double seconds)
{
    const auto s = static_cast<long>(seconds + 0.5);
    std::ostringstream text;
    if (s >= 3600)
    {
        text << s / 3600 << "h" << std::setw(2) << std::setfill('0') << s % 3600 / 60 << "m";
    }
    else
    {
        text << s / 60 << "m" << std::setw(2) << std::setfill('0') << s % 60 << "s";
    }
    return text.str();
}

} // namespace

ProgressLine::ProgressLine(Time stop, bool live)
    : m_stop(stop),
      m_live(live)
{
}

ProgressLine::ProgressLine(Time stop)
    : ProgressLine(stop, isatty(STDOUT_FILENO) == 1)
{
}

void
ProgressLine::Start()
{
    m_start = std::chrono::steady_clock::now();
    if (m_live)
    {
        Simulator::Schedule(Seconds(0), &ProgressLine::Tick, this);
    }
}

void
ProgressLine::Print(const std::string& line)
{
    if (m_shown)
    {
        std::cout << "\r\033[K";
        m_shown = false;
    }
    std::cout << line << std::endl;
    if (m_live)
    {
        Draw();
    }
}

void
ProgressLine::SetMetric(const std::string& text)
{
    m_metric = text;
}

void
ProgressLine::Finish()
{
    if (m_shown)
    {
        std::cout << "\r\033[K" << std::flush;
        m_shown = false;
    }
}

void
ProgressLine::Tick()
{
    if (WallSeconds() - m_drawnAt >= REDRAW)
    {
        Draw();
    }
    const Time next = Simulator::Now() + m_stop / TICKS;
    if (next < m_stop)
    {
        Simulator::Schedule(m_stop / TICKS, &ProgressLine::Tick, this);
    }
}

void
ProgressLine::Draw()
{
    const double now = Simulator::Now().GetSeconds();
    const double share = now / m_stop.GetSeconds();
    const double wall = WallSeconds();
    std::ostringstream line;
    line << std::fixed << std::setprecision(1) << "t=" << now << "/" << m_stop.GetSeconds()
         << " s (" << std::setprecision(0) << share * 100 << "%)  wall " << Duration(wall)
         << "  left ";
    line << (share > 0.01 ? "~" + Duration(wall * (1 - share) / share) : std::string("?"));
    if (!m_metric.empty())
    {
        line << "  " << m_metric;
    }
    std::cout << "\r\033[K" << line.str() << std::flush;
    m_shown = true;
    m_drawnAt = wall;
}

double
ProgressLine::WallSeconds() const
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
}

} // namespace ns3
