/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_SETTING_ERROR_H
#define DIVSHARE_SETTING_ERROR_H

#include <functional>
#include <stdexcept>
#include <string>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief A setting that cannot be used as given. Its text names settings by Attribute, in
 * braces ("{Stragglers} = 5 exceeds {Nodes} = 4: lower it"), so that each front end words it
 * with its own names (scenario keys, options); what() names them as Attributes.
 */
class SettingError : public std::invalid_argument
{
  public:
    /**
     * \param key the Attribute at fault
     * \param text what is wrong and the fix, settings named as {Attribute}
     */
    SettingError(std::string key, const std::string& text);

    /** \return the Attribute at fault */
    const std::string& GetKey() const;
    /** \return the message, settings named as {Attribute} */
    const std::string& GetText() const;

    /**
     * \param text a message whose settings are named as {Attribute}
     * \param nameOf an Attribute's name in the words of a front end (empty for a name it
     * does not know: the braces are kept)
     * \return the message in those words
     */
    static std::string Word(const std::string& text,
                            const std::function<std::string(const std::string&)>& nameOf);

  private:
    std::string m_key;
    std::string m_text;
};

} // namespace ns3

#endif /* DIVSHARE_SETTING_ERROR_H */
