/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "attribute-check.h"

#include "name-list.h"
#include "topology-units.h"

#include "ns3/data-rate.h"
#include "ns3/nstime.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/string.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace ns3
{

namespace
{

/** The checker's value type with its namespace: ns-3 names some "ns3::X", some "X". */
std::string
ValueType(Ptr<const AttributeChecker> checker)
{
    const std::string name = checker->GetValueTypeName();
    return name.rfind("ns3::", 0) == 0 ? name : "ns3::" + name;
}

/** What a text is as a number. */
enum class Number
{
    FINITE,     //!< a finite number, in value
    TOO_LARGE,  //!< a number beyond what a double holds (1e400)
    NOT_NUMBER, //!< anything else, "inf" and "nan" included
};

/** \return what text is as a number, and its value if finite */
Number
ParseFinite(const std::string& text, double& value)
{
    if (text.empty())
    {
        return Number::NOT_NUMBER;
    }
    char* end = nullptr;
    errno = 0;
    value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size())
    {
        return Number::NOT_NUMBER;
    }
    if (errno == ERANGE && std::fabs(value) > 1)
    {
        return Number::TOO_LARGE;
    }
    // strtod also reads "inf", "nan" and hexadecimal: only decimal notation is a number here
    // (leading blanks allowed, as a stream reads them; any others end the number early).
    const bool decimal = text.find_first_not_of("0123456789+-.eE \t") == std::string::npos;
    return decimal && std::isfinite(value) ? Number::FINITE : Number::NOT_NUMBER;
}

} // namespace

TextChecker::TextChecker(Validator validator, std::string form)
    : m_validator(std::move(validator)),
      m_form(std::move(form))
{
}

std::string
TextChecker::Explain(const std::string& text) const
{
    return m_validator(text);
}

bool
TextChecker::Check(const AttributeValue& value) const
{
    const auto* text = dynamic_cast<const StringValue*>(&value);
    return text && Explain(text->Get()).empty();
}

std::string
TextChecker::GetValueTypeName() const
{
    return "ns3::StringValue";
}

bool
TextChecker::HasUnderlyingTypeInformation() const
{
    return true;
}

std::string
TextChecker::GetUnderlyingTypeInformation() const
{
    return m_form;
}

Ptr<AttributeValue>
TextChecker::Create() const
{
    return ns3::Create<StringValue>();
}

bool
TextChecker::Copy(const AttributeValue& source, AttributeValue& destination) const
{
    const auto* from = dynamic_cast<const StringValue*>(&source);
    auto* to = dynamic_cast<StringValue*>(&destination);
    if (!from || !to)
    {
        return false;
    }
    *to = *from;
    return true;
}

Ptr<const AttributeChecker>
MakeTextChecker(TextChecker::Validator validator, std::string form)
{
    return Create<TextChecker>(std::move(validator), std::move(form));
}

Ptr<const AttributeChecker>
MakeParsedTextChecker(std::function<void(const std::string&)> parse, std::string form)
{
    return MakeTextChecker(
        [parse = std::move(parse)](const std::string& value) -> std::string {
            try
            {
                parse(value);
            }
            catch (const std::invalid_argument& error)
            {
                return error.what();
            }
            return "";
        },
        std::move(form));
}

Ptr<const AttributeChecker>
MakeUtf8Checker()
{
    return MakeTextChecker(
        [](const std::string& text) -> std::string {
            for (std::size_t i = 0; i < text.size();)
            {
                const auto lead = static_cast<unsigned char>(text[i]);
                // Continuation bytes after the lead byte, and the smallest code point of that
                // length (shorter encodings of a code point are invalid).
                const std::size_t more = lead < 0x80 ? 0 : lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
                bool valid = (lead < 0x80 || lead >= 0xC2) && lead <= 0xF4 &&
                             i + more < text.size() + (more == 0 ? 1 : 0);
                uint32_t point = more == 0 ? lead : lead & (0x3F >> more);
                for (std::size_t k = 1; valid && k <= more; ++k)
                {
                    const auto next = static_cast<unsigned char>(text[i + k]);
                    valid = (next & 0xC0) == 0x80;
                    point = (point << 6) | (next & 0x3F);
                }
                valid = valid && point <= 0x10FFFF && !(point >= 0xD800 && point <= 0xDFFF) &&
                        (more < 2 || point >= (more == 2 ? 0x800u : 0x10000u));
                if (!valid)
                {
                    return "byte " + std::to_string(i + 1) + " is not valid UTF-8; write text";
                }
                i += more + 1;
            }
            return "";
        },
        "UTF-8 text");
}

Ptr<const AttributeChecker>
MakeChoiceChecker(std::vector<std::string> choices)
{
    const std::string names = JoinNames(choices);
    return MakeTextChecker(
        [choices = std::move(choices)](const std::string& value) {
            return std::find(choices.begin(), choices.end(), value) != choices.end()
                       ? ""
                       : "'" + value + "' is not one of: " + JoinNames(choices);
        },
        "one of: " + names);
}

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
            return "'" + type +
                   "' is not an ns-3 random variable; e.g. "
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
    std::string normalized;
    return NormalizeAttributeValue(info.checker, text, normalized);
}

std::string
NormalizeAttributeValue(Ptr<const AttributeChecker> checker,
                        const std::string& text,
                        std::string& normalized)
{
    const std::string kind = ValueType(checker);
    const std::string allowed = "expected " + checker->GetUnderlyingTypeInformation();
    normalized = text;
    // ns-3's number parsers abort on "abc" or "1e1": numbers are parsed here, and whole
    // numbers handed on as digits.
    if (kind == "ns3::UintegerValue" || kind == "ns3::IntegerValue" || kind == "ns3::DoubleValue")
    {
        double value = 0;
        const Number number = ParseFinite(text, value);
        if (number == Number::TOO_LARGE)
        {
            return "'" + text + "' is out of range (" + allowed + ")";
        }
        if (number != Number::FINITE)
        {
            return "'" + text + "' is not a number (" + allowed + ")";
        }
        if (kind != "ns3::DoubleValue")
        {
            if (value != std::floor(value))
            {
                return "'" + text + "' is not a whole number (" + allowed + ")";
            }
            if (std::fabs(value) >= 9.2e18 || (kind == "ns3::UintegerValue" && value < 0))
            {
                return "'" + text + "' is out of range (" + allowed + ")";
            }
            normalized = std::to_string(static_cast<int64_t>(value));
        }
    }
    else if (kind == "ns3::BooleanValue")
    {
        if (text != "true" && text != "false")
        {
            return "'" + text + "' is not true or false";
        }
    }
    else if (kind == "ns3::PointerValue")
    {
        auto pointer = DynamicCast<const PointerChecker>(checker);
        return pointer ? CheckObjectSpec(text, pointer->GetPointeeTypeId()) : "";
    }
    else if (kind == "ns3::TimeValue" || kind == "ns3::DataRateValue")
    {
        try
        {
            normalized = kind == "ns3::TimeValue"
                             ? std::to_string(ParseDelay(text).GetNanoSeconds()) + "ns"
                             : std::to_string(ParseRate(text).GetBitRate()) + "bps";
        }
        catch (const std::invalid_argument& error)
        {
            return error.what();
        }
    }
    if (auto text = DynamicCast<const TextChecker>(checker))
    {
        return text->Explain(normalized);
    }
    if (!checker->CreateValidValue(StringValue(normalized)))
    {
        return "'" + text + "' is out of range (" + allowed + ")";
    }
    return "";
}

void
CopyAttributes(const ObjectBase& from, ObjectBase& to)
{
    const TypeId tid = from.GetInstanceTypeId();
    for (std::size_t i = 0; i < tid.GetAttributeN(); ++i)
    {
        const auto info = tid.GetAttribute(i);
        Ptr<AttributeValue> value = info.checker->Create();
        from.GetAttribute(info.name, *value);
        to.SetAttribute(info.name, *value);
    }
}

std::string
AttributeText(Ptr<const AttributeChecker> checker, const AttributeValue& value)
{
    const std::string kind = ValueType(checker);
    // The largest unit that divides the value, so that the text reads as it was written.
    const auto inUnits = [](uint64_t amount,
                            const std::vector<std::pair<uint64_t, const char*>>& units) {
        for (const auto& [scale, name] : units)
        {
            if (amount % scale == 0)
            {
                return std::to_string(amount / scale) + name;
            }
        }
        return std::to_string(amount);
    };
    if (kind == "ns3::DataRateValue")
    {
        const uint64_t bps = dynamic_cast<const DataRateValue&>(value).Get().GetBitRate();
        return inUnits(bps, {{1000000000, "Gbps"}, {1000000, "Mbps"}, {1000, "Kbps"}, {1, "bps"}});
    }
    if (kind == "ns3::TimeValue")
    {
        const int64_t ns = dynamic_cast<const TimeValue&>(value).Get().GetNanoSeconds();
        if (ns == 0)
        {
            return "0ms";
        }
        if (ns > 0 && ns % 1000 == 0)
        {
            return inUnits(static_cast<uint64_t>(ns) / 1000,
                           {{1000000, "s"}, {1000, "ms"}, {1, "us"}});
        }
    }
    return value.SerializeToString(checker);
}

} // namespace ns3
