/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "topology-units.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace ns3
{

namespace
{

/**
 * Split "12.5Mbps" into 12.5 and "mbps" (lower case).
 * \throws std::invalid_argument when there is no number, or the number is negative or not
 * finite
 */
std::pair<double, std::string>
SplitNumber(const std::string& text, const std::string& what, const std::string& units)
{
    std::size_t used = 0;
    double value = 0;
    try
    {
        value = std::stod(text, &used);
    }
    catch (const std::exception&)
    {
        throw std::invalid_argument("bad " + what + " '" + text + "': expected a number and " +
                                    units);
    }
    if (!std::isfinite(value) || value < 0)
    {
        throw std::invalid_argument("bad " + what + " '" + text +
                                    "': must be a non-negative "
                                    "number and " +
                                    units);
    }
    std::string unit = text.substr(used);
    std::transform(unit.begin(), unit.end(), unit.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return {value, unit};
}

/** value x scale nanoseconds, refused beyond int64_t nanoseconds (about 292 years). */
Time
ToTime(double value, double scale, const std::string& what, const std::string& text)
{
    const double ns = std::round(value * scale);
    if (ns > MAX_SIMULATED_SECONDS * 1e9)
    {
        throw std::invalid_argument("bad " + what + " '" + text + "': too large, at most " +
                                    "9.2e9s (what ns-3's Time holds)");
    }
    return NanoSeconds(static_cast<int64_t>(ns));
}

} // namespace

DataRate
ParseRate(const std::string& text)
{
    static const std::string units = "a unit bps, Kbps, Mbps or Gbps (e.g. 60Mbps)";
    const auto [value, unit] = SplitNumber(text, "rate", units);
    double scale = 0;
    if (unit == "bps")
    {
        scale = 1;
    }
    else if (unit == "kbps")
    {
        scale = 1e3;
    }
    else if (unit == "mbps")
    {
        scale = 1e6;
    }
    else if (unit == "gbps")
    {
        scale = 1e9;
    }
    else
    {
        throw std::invalid_argument("bad rate '" + text + "': unknown unit '" + unit +
                                    "', expected " + units);
    }
    const double bps = std::round(value * scale);
    if (bps < 1)
    {
        throw std::invalid_argument("bad rate '" + text + "': must be at least 1bps");
    }
    if (bps >= 1.8e19) // beyond uint64_t
    {
        throw std::invalid_argument("bad rate '" + text +
                                    "': too large, at most 18000000Tbps "
                                    "(1.8e10Gbps)");
    }
    return DataRate(static_cast<uint64_t>(bps));
}

Time
ParseDelay(const std::string& text)
{
    static const std::string units = "a unit us, ms or s (e.g. 1ms)";
    const auto [value, unit] = SplitNumber(text, "delay", units);
    double scale = 0;
    if (unit == "us")
    {
        scale = 1e3;
    }
    else if (unit == "ms")
    {
        scale = 1e6;
    }
    else if (unit == "s")
    {
        scale = 1e9;
    }
    else
    {
        throw std::invalid_argument("bad delay '" + text + "': unknown unit '" + unit +
                                    "', expected " + units);
    }
    return ToTime(value, scale, "delay", text);
}

QueueSize
ParseQueueSize(const std::string& text)
{
    static const std::string units = "packets (e.g. 100p) or bytes (e.g. 150000B)";
    const std::size_t digits =
        std::find_if(text.begin(), text.end(), [](unsigned char c) { return !std::isdigit(c); }) -
        text.begin();
    const std::string unit = text.substr(digits);
    if (digits == 0 || digits > 9 || (unit != "p" && unit != "B"))
    {
        throw std::invalid_argument("bad queue size '" + text + "': expected a whole number of " +
                                    units);
    }
    const auto value = static_cast<uint32_t>(std::stoul(text.substr(0, digits)));
    if (value == 0)
    {
        throw std::invalid_argument("bad queue size '" + text + "': must be positive");
    }
    return QueueSize(unit == "p" ? QueueSizeUnit::PACKETS : QueueSizeUnit::BYTES, value);
}

Time
ParseSeconds(const std::string& text)
{
    const auto [value, unit] = SplitNumber(text, "time", "no unit (seconds)");
    if (!unit.empty())
    {
        throw std::invalid_argument("bad time '" + text + "': a number of seconds, no unit");
    }
    return ToTime(value, 1e9, "time", text);
}

double
ParseNumber(const std::string& text, double min, double max, const std::string& what)
{
    std::size_t used = 0;
    double value = min - 1;
    try
    {
        value = std::stod(text, &used);
    }
    catch (const std::exception&)
    {
        used = 0;
    }
    if (used != text.size() || !(value >= min && value <= max))
    {
        std::ostringstream expected;
        expected << "bad " << what << " '" << text << "': expected a number in [" << min << ", "
                 << max << "]";
        throw std::invalid_argument(expected.str());
    }
    return value;
}

double
ParseProbability(const std::string& text)
{
    return ParseNumber(text, 0, 1, "probability");
}

} // namespace ns3
