/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_ATTRIBUTE_CHECK_H
#define DIVSHARE_ATTRIBUTE_CHECK_H

#include "ns3/object-base.h"
#include "ns3/string.h"
#include "ns3/type-id.h"

#include <functional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief The checker of a text Attribute whose values have a form (a choice among names, a
 * list of events): ns-3's Attribute system refuses a value the form rejects, and
 * NormalizeAttributeValue says why.
 */
class TextChecker : public StringChecker
{
  public:
    /** What is wrong with a text (empty: nothing). */
    using Validator = std::function<std::string(const std::string&)>;

    /**
     * \param validator checks a text
     * \param form the values' form, for PrintAttributes
     */
    TextChecker(Validator validator, std::string form);
    /**
     * \param text a value
     * \return what is wrong with it, or an empty string
     */
    std::string Explain(const std::string& text) const;

    bool Check(const AttributeValue& value) const override;
    std::string GetValueTypeName() const override;
    bool HasUnderlyingTypeInformation() const override;
    std::string GetUnderlyingTypeInformation() const override;
    Ptr<AttributeValue> Create() const override;
    bool Copy(const AttributeValue& source, AttributeValue& destination) const override;

  private:
    Validator m_validator;
    std::string m_form;
};

/**
 * \ingroup divshare
 * \param validator checks a text (what is wrong, or empty)
 * \param form the values' form, for PrintAttributes
 * \return a checker of text values of that form
 */
Ptr<const AttributeChecker> MakeTextChecker(TextChecker::Validator validator, std::string form);

/**
 * \ingroup divshare
 * \param parse reads a text, throwing std::invalid_argument with what is wrong
 * \param form the values' form, for PrintAttributes
 * \return a checker of the texts parse takes
 */
Ptr<const AttributeChecker> MakeParsedTextChecker(std::function<void(const std::string&)> parse,
                                                  std::string form);

/**
 * \ingroup divshare
 * \return a checker of text that is valid UTF-8 (written into JSON and CSV files)
 */
Ptr<const AttributeChecker> MakeUtf8Checker();

/**
 * \ingroup divshare
 * \param choices the allowed names
 * \return a checker of a choice among them
 */
Ptr<const AttributeChecker> MakeChoiceChecker(std::vector<std::string> choices);

/**
 * \ingroup divshare
 * \brief Check a text as the value of an Attribute, without ns-3's parsers, which abort on
 * malformed numbers and crash on unknown object types.
 * \param tid the type that has the attribute
 * \param name the attribute's name
 * \param text the value, as a CommandLine or a scenario file gives it
 * \return an empty string when the value is valid, else what is wrong and what is allowed
 */
std::string CheckAttributeValue(TypeId tid, const std::string& name, const std::string& text);

/**
 * \ingroup divshare
 * \brief Check a text as a value of an attribute of the given checker's type, and write it
 * the way ns-3 reads it: whole numbers in any notation that means one ("1e1", "16.0") as
 * digits, rates and times with their unit required (see ParseRate, ParseDelay).
 * \param checker the attribute's (or GlobalValue's) checker
 * \param text the value
 * \param[out] normalized the value as ns-3 can read it, when valid
 * \return an empty string when valid, else what is wrong and what is allowed
 */
std::string NormalizeAttributeValue(Ptr<const AttributeChecker> checker,
                                    const std::string& text,
                                    std::string& normalized);

/**
 * \ingroup divshare
 * \brief Check an object description "ns3::TypeName[Attr=value|...]" (the form of Pointer
 * attributes): a known subclass of base, known attributes, valid values.
 * \param text the description
 * \param base the type the object must be
 * \return an empty string when valid, else what is wrong
 */
std::string CheckObjectSpec(const std::string& text, TypeId base);

/**
 * \ingroup divshare
 * \brief Give an object every Attribute value another of the same type has.
 * \param from the object copied
 * \param to the object set
 */
void CopyAttributes(const ObjectBase& from, ObjectBase& to);

/**
 * \ingroup divshare
 * \brief A value as text that NormalizeAttributeValue takes back: rates and times in the
 * largest unit that keeps them whole (20Mbps, 1ms), everything else as ns-3 writes it.
 * \param checker the attribute's checker
 * \param value the value
 * \return the text
 */
std::string AttributeText(Ptr<const AttributeChecker> checker, const AttributeValue& value);

} // namespace ns3

#endif /* DIVSHARE_ATTRIBUTE_CHECK_H */
