/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_EXPERIMENT_SETTING_H
#define DIVSHARE_EXPERIMENT_SETTING_H

#include "ns3/attribute.h"
#include "ns3/type-id.h"

#include <string>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Where a setting of a study lives, found by name: an Attribute of ExperimentHelper or
 * of one of its components, of the applications, of ModelTransport, or an ns-3 GlobalValue.
 */
struct ExperimentSetting
{
    /** Who owns the setting. */
    enum Owner
    {
        STUDY,       //!< ExperimentHelper or one of its components (type)
        APPLICATION, //!< every algorithm's application that has it
        TRANSPORT,   //!< ModelTransport
        GLOBAL,      //!< a GlobalValue
        NONE,        //!< unknown
    };

    Owner owner{NONE};                   //!< who owns it
    TypeId type;                         //!< the owning type (STUDY)
    Ptr<const AttributeChecker> checker; //!< its checker
    Ptr<const AttributeValue> initial;   //!< its default (a GlobalValue's: current value)
    std::string help;                    //!< its help text

    /**
     * \param name an Attribute or GlobalValue name
     * \return where it lives (owner NONE if nowhere)
     */
    static ExperimentSetting Locate(const std::string& name);

    /**
     * \param value a value as text
     * \param[out] normalized the value as ns-3 reads it, when valid
     * \return what is wrong with the value, or an empty string
     */
    std::string Normalize(const std::string& value, std::string& normalized) const;
};

} // namespace ns3

#endif /* DIVSHARE_EXPERIMENT_SETTING_H */
