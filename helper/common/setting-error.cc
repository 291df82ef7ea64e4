/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "setting-error.h"

#include <cctype>

namespace ns3
{

namespace
{

/** Whether text is an Attribute name: a capital, then letters and digits. */
bool
IsAttributeName(const std::string& text)
{
    if (text.empty() || !std::isupper(static_cast<unsigned char>(text[0])))
    {
        return false;
    }
    for (const char c : text)
    {
        if (!std::isalnum(static_cast<unsigned char>(c)))
        {
            return false;
        }
    }
    return true;
}

} // namespace

SettingError::SettingError(std::string key, const std::string& text)
    : std::invalid_argument(Word(text, [](const std::string& name) { return name; })),
      m_key(std::move(key)),
      m_text(text)
{
}

const std::string&
SettingError::GetText() const
{
    return m_text;
}

const std::string&
SettingError::GetKey() const
{
    return m_key;
}

std::string
SettingError::Word(const std::string& text,
                   const std::function<std::string(const std::string&)>& nameOf)
{
    std::string worded;
    std::size_t from = 0;
    for (auto open = text.find('{'); open != std::string::npos; open = text.find('{', from))
    {
        const auto close = text.find('}', open);
        if (close == std::string::npos)
        {
            break;
        }
        const std::string name = text.substr(open + 1, close - open - 1);
        const std::string word = IsAttributeName(name) ? nameOf(name) : "";
        worded += text.substr(from, open - from);
        worded += word.empty() ? text.substr(open, close - open + 1) : word;
        from = close + 1;
    }
    return worded + text.substr(from);
}

} // namespace ns3
