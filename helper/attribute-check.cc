/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "attribute-check.h"

#include "topology-units.h"

#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/string.h"

#include <cctype>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace ns3
{

namespace
{

/** Whether text is a whole number (an optional sign only when negative values are allowed). */
bool
IsWholeNumber(const std::string& text, bool signedAllowed)
{
    std::size_t start = signedAllowed && !text.empty() && text[0] == '-' ? 1 : 0;
    if (start == text.size())
    {
        return false;
    }
    for (std::size_t i = start; i < text.size(); ++i)
    {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
        {
            return false;
        }
    }
    return true;
}

bool
IsFiniteNumber(const std::string& text)
{
    std::istringstream in(text);
    double value;
    in >> value;
    return !in.fail() && in.eof() && std::isfinite(value);
}

} // namespace

std::string
CheckObjectSpec(const std::string& text, TypeId base)
{
    const auto open = text.find('[');
    const std::string type = text.substr(0, open);
    TypeId tid;
    if (!TypeId::LookupByNameFailSafe(type, &tid) || !(tid == base || tid.IsChildOf(base)))
    {
        if (base == RandomVariableStream::GetTypeId())
        {
            return "'" + type + "' is not an ns-3 random variable; e.g. "
                   "ns3::ConstantRandomVariable[Constant=1.0] or "
                   "ns3::UniformRandomVariable[Min=0.8|Max=1.2]";
        }
        return "'" + type + "' is not a type derived from " + base.GetName();
    }
    if (open == std::string::npos)
    {
        return "";
    }
    if (text.back() != ']')
    {
        return "missing ']' after the attributes";
    }
    std::istringstream attributes(text.substr(open + 1, text.size() - open - 2));
    std::string assignment;
    while (std::getline(attributes, assignment, '|'))
    {
        const auto equals = assignment.find('=');
        if (equals == std::string::npos)
        {
            return "'" + assignment + "' is not an attribute assignment of " + type;
        }
        const std::string problem =
            CheckAttributeValue(tid, assignment.substr(0, equals), assignment.substr(equals + 1));
        if (!problem.empty())
        {
            return "in '" + assignment + "': " + problem;
        }
    }
    return "";
}

std::string
CheckAttributeValue(TypeId tid, const std::string& name, const std::string& text)
{
    TypeId::AttributeInformation info;
    if (!tid.LookupAttributeByName(name, &info))
    {
        return tid.GetName() + " has no attribute " + name;
    }
    const std::string kind = info.checker->GetValueTypeName();
    const std::string allowed = "expected " + info.checker->GetUnderlyingTypeInformation();
    // ns-3's number parsers abort on "abc" or "1e1"; these are checked first.
    if ((kind == "ns3::UintegerValue" && !IsWholeNumber(text, false)) ||
        (kind == "ns3::IntegerValue" && !IsWholeNumber(text, true)) ||
        (kind == "ns3::DoubleValue" && !IsFiniteNumber(text)))
    {
        return "'" + text + "' is not a number (" + allowed + ")";
    }
    if (kind == "ns3::PointerValue")
    {
        auto pointer = DynamicCast<const PointerChecker>(info.checker);
        return pointer ? CheckObjectSpec(text, pointer->GetPointeeTypeId()) : "";
    }
    if (kind == "ns3::TimeValue")
    {
        try
        {
            ParseDelay(text);
        }
        catch (const std::invalid_argument& error)
        {
            return error.what();
        }
    }
    if (!info.checker->CreateValidValue(StringValue(text)))
    {
        return "'" + text + "' is out of range (" + allowed + ")";
    }
    return "";
}

} // namespace ns3
