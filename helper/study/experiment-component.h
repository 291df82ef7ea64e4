/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_EXPERIMENT_COMPONENT_H
#define DIVSHARE_EXPERIMENT_COMPONENT_H

#include "ns3/application-container.h"
#include "ns3/cross-traffic-flow.h"
#include "ns3/network-topology.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/results-writer.h"
#include "ns3/setting-error.h"
#include "ns3/topology-helper.h"
#include "ns3/topology-partition.h"
#include "ns3/workload.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief What the parts of a study share: the study's own settings, then what each component
 * describes and builds, in the order the steps fill it in.
 */
struct ExperimentContext
{
    // The study (ExperimentHelper's Attributes).
    std::string algorithm;       //!< e.g. "divshare"
    bool synchronous{false};     //!< the algorithm's rounds wait for every neighbour
    uint32_t seed{1};            //!< seed of everything random
    Time stop;                   //!< the run's end
    std::string output;          //!< result folder (empty: no files)
    std::set<std::string> given; //!< settings the user gave by name
    /** Notes for the user (settings named as {Attribute}), printed once configured. */
    std::vector<std::string> notes;

    // Described by Configure().
    NetworkTopology topology;                   //!< host i is learning node i
    std::vector<CrossTrafficFlow> crossTraffic; //!< competing flows
    std::shared_ptr<Workload> workload;         //!< the learning task
    TopologyPartition ranks;                    //!< rank of every node

    // Built by the later steps.
    InstalledTopology installed;      //!< hosts, routers, links
    ApplicationContainer apps;        //!< this rank's learning applications
    std::vector<uint32_t> localHosts; //!< their node indices

    /** \return the number of learning nodes */
    uint32_t GetNodeCount() const;

    /**
     * \param attribute a setting
     * \param reason why the study would not use it
     * \throw SettingError if the user gave \p attribute
     */
    void RefuseIgnored(const std::string& attribute, const std::string& reason) const;
};

/**
 * \ingroup divshare
 * \brief One concern of a study (the network, the workload, its dynamics, its traces, its
 * evaluation): an Object that owns its Attributes, checks them, and installs its part.
 * ExperimentHelper calls every component at every step, in a fixed order; a component reads
 * what the ones before it put into the ExperimentContext. Errors are SettingErrors.
 */
class ExperimentComponent : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief Take over another component's settings: its Attributes (and, in components that
     * take objects, those objects), for ExperimentHelper::Clone.
     * \param other a component of the same type
     */
    virtual void CopyFrom(const ExperimentComponent& other);
    /**
     * \brief Check the Attributes, alone and against the context; read files; describe this
     * component's part of the study in the context.
     * \param context the study so far
     */
    virtual void Configure(ExperimentContext& context) = 0;
    /**
     * \brief Refuse what a distributed run (more than one MPI rank) cannot do.
     * \param context the configured study
     * \param needs the end of a sentence: " needs one process, ... remove "
     */
    virtual void RefuseDistributed(const ExperimentContext& context,
                                   const std::string& needs) const;
    /**
     * \brief Install and schedule this component's part, after the network and the
     * learning applications.
     * \param context the built study
     */
    virtual void Install(ExperimentContext& context);
    /**
     * \brief The simulation has ended: last measurements.
     * \param context the study
     */
    virtual void Finish(ExperimentContext& context);
    /**
     * \param[in,out] run the run's description, for summary.json
     */
    virtual void Describe(RunDescription& run) const;
    /**
     * \brief Write this component's result files.
     * \param context the study (its output folder is not empty)
     */
    virtual void Write(const ExperimentContext& context) const;

  protected:
    /**
     * \param attribute one of this object's Attributes
     * \return its value as text, as a user would write it
     */
    std::string Text(const std::string& attribute) const;
};

} // namespace ns3

#endif /* DIVSHARE_EXPERIMENT_COMPONENT_H */
