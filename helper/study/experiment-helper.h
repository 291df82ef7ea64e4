/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_EXPERIMENT_HELPER_H
#define DIVSHARE_EXPERIMENT_HELPER_H

#include "dynamics-component.h"
#include "evaluation-component.h"
#include "experiment-component.h"
#include "network-component.h"
#include "trace-component.h"
#include "workload-component.h"

#include "ns3/application-container.h"
#include "ns3/experiment-result.h"
#include "ns3/object.h"

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief One study, built and run in steps. Its own Attributes are the study's (name,
 * algorithm, seed, duration, output folder); every other concern is an ExperimentComponent
 * with its Attributes (NetworkComponent, TraceComponent, DynamicsComponent,
 * EvaluationComponent, WorkloadComponent), which it calls in that order at every step. Set()
 * reaches any of them by name, and the applications' and transports' Attributes too.
 *
 * \code
 *   auto experiment = CreateObject<ExperimentHelper>();
 *   experiment->GetComponent<NetworkComponent>()->SetAttribute("Nodes", UintegerValue(16));
 *   experiment->Set("Fragments", "10");
 *   experiment->InstallApplications();   // prepares and builds the network first
 *   experiment->GetApplications().Get(0)->TraceConnectWithoutContext("IterationDone", ...);
 *   experiment->Run();
 *   experiment->WriteResults();
 *   Simulator::Destroy();
 * \endcode
 *
 * Steps, each running the ones before it if they have not run:
 * 1. Prepare(): every component's Configure() (checks, files, data), then the algorithm's
 *    own limits: the one validation step every entry point shares. Attributes are read here;
 *    later changes have no effect.
 * 2. BuildNetwork(): the nodes, links, stacks and queue disciplines (NetworkComponent).
 * 3. InstallApplications(): one application per learning node, then every component's
 *    Install() (cross traffic, traces, dynamics, the monitor), all scheduled.
 * 4. Run(): Simulator::Run until Duration, then every component's Finish().
 * 5. WriteResults(): evaluations.csv, traffic.csv, summary.json, then every component's
 *    files (membership.csv, congestion traces, messages.csv).
 *
 * Under an MPI launcher with more than one rank (see DistributedRun) the same steps run on
 * every rank: Prepare() splits the network (TopologyPartition) and refuses what a distributed
 * run cannot do yet; each rank installs and evaluates its own learning nodes; Run() gathers
 * the records on rank 0, whose result and files are those of the whole run.
 *
 * A topology or a workload given as objects (SetTopology, SetWorkload) replaces what the
 * network or workload attributes would build. Errors are std::invalid_argument (or
 * std::runtime_error from the readers) with one line naming the key, the value and the fix;
 * the components' SettingErrors name settings as SetNaming chooses (Attributes, or a front
 * end's scenario keys or options).
 */
class ExperimentHelper : public Object
{
  public:
    /** How messages name a setting: an Attribute's name in a front end's words. */
    using Naming = std::function<std::string(const std::string& attribute)>;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    ExperimentHelper();
    ~ExperimentHelper() override;

    /** \return the components' types, in the order every step calls them */
    static const std::vector<TypeId>& GetComponentTypes();
    /**
     * \return the algorithm names (Algorithm attribute), in a fixed order
     */
    static std::vector<std::string> GetAlgorithms();
    /**
     * \param algorithm an algorithm name
     * \return the TypeId name of its application
     * \throws std::invalid_argument naming the known algorithms
     */
    static std::string AlgorithmTypeId(const std::string& algorithm);
    /**
     * \brief Check a value as Set() would, without setting it.
     * \param name the attribute or GlobalValue
     * \param value its value
     * \return what is wrong and what is allowed, or an empty string
     */
    static std::string CheckValue(const std::string& name, const std::string& value);
    /**
     * \param name an attribute of this type, of the applications or transports, or a
     * GlobalValue
     * \return its help text and its default as text (a GlobalValue's: its current value)
     * \throws std::invalid_argument for an unknown setting
     */
    static std::pair<std::string, std::string> DescribeSetting(const std::string& name);

    /**
     * \return a new study with the same settings (attributes, application and transport
     * values, given objects), not yet prepared: for sweeps
     */
    Ptr<ExperimentHelper> Clone() const;

    /** \param naming how messages name settings (default: as Attributes) */
    void SetNaming(Naming naming);
    /**
     * \param attribute an attribute of this type, of the applications or of the transports
     * \return the name of that setting under the current naming
     */
    std::string NameOf(const std::string& attribute) const;

    /**
     * \brief Set a setting by name from text, as scenario files and command lines do: an
     * attribute of this type, of the applications, of the transports, or a GlobalValue. The
     * value is checked at once; the setting is remembered as given, so that Prepare() can
     * refuse settings the rest of the study would ignore (a straggler count on a topology
     * file, a data path for the synthetic task).
     * \param name the attribute or GlobalValue
     * \param value its value
     * \throws std::invalid_argument naming the setting, the value and what is allowed
     */
    void Set(const std::string& name, const std::string& value);
    /**
     * \brief Set a setting as Set() does, as a program's default: not remembered as given,
     * so that the rest of the study may leave it unused.
     * \param name the attribute or GlobalValue
     * \param value its value
     * \throws std::invalid_argument naming the setting, the value and what is allowed
     */
    void SetDefault(const std::string& name, const std::string& value);
    /**
     * \brief Forget the application settings the chosen algorithm does not have (for a
     * comparison of algorithms that share one description).
     */
    void DropSettingsOfOtherAlgorithms();
    /**
     * \param name a setting's attribute
     * \return false for a setting of an algorithm's application that the chosen algorithm
     * does not have; true otherwise
     */
    bool AppliesToAlgorithm(const std::string& name) const;
    /**
     * \param name an attribute of this type, of the applications or transports, or a
     * GlobalValue
     * \return its current value as text
     */
    std::string Get(const std::string& name) const;

    /**
     * \brief Set an attribute of every application (those the chosen algorithm has).
     * \param name the attribute, e.g. "Fragments"
     * \param value its value as text, checked at once
     * \throws std::invalid_argument if no algorithm has it or the value is malformed
     */
    void SetApplicationAttribute(const std::string& name, const std::string& value);
    /**
     * \brief Set an attribute of every application's ModelTransport.
     * \param name the attribute, e.g. "MaxConcurrentTransfers"
     * \param value its value as text, checked at once
     * \throws std::invalid_argument if the transport has no such attribute or the value is bad
     */
    void SetTransportAttribute(const std::string& name, const std::string& value);
    /**
     * \brief Use this network instead of the one the network attributes describe.
     * \param topology the network; host i is learning node i
     * \param crossTraffic competing flows between its named nodes
     */
    void SetTopology(const NetworkTopology& topology,
                     const std::vector<CrossTrafficFlow>& crossTraffic = {});
    /** \param workload use this task instead of the one the workload attributes describe */
    void SetWorkload(std::shared_ptr<Workload> workload);

    /** \brief Step 1: check everything, read files, build the task. */
    void Prepare();
    /** \brief Step 2: build the network. */
    void BuildNetwork();
    /** \brief Step 3: install and schedule the applications, traffic, monitor and tracer. */
    void InstallApplications();
    /**
     * \brief Step 4: simulate.
     * \return the run's figures
     */
    ExperimentResult Run();
    /** \brief Step 5: write the result files into OutputDirectory (if not empty). */
    void WriteResults() const;
    /**
     * \brief Every step, then Simulator::Destroy, so that runs can follow one another.
     * \return the run's figures
     */
    ExperimentResult RunAll();

    /** \return the network description (after Prepare) */
    const NetworkTopology& GetTopology() const;
    /** \return the cross-traffic flows (after Prepare) */
    const std::vector<CrossTrafficFlow>& GetCrossTraffic() const;
    /** \return the learning task (after Prepare) */
    std::shared_ptr<const Workload> GetWorkload() const;
    /**
     * \return the component of this type
     */
    template <class T>
    Ptr<T> GetComponent() const;
    /** \return the installed network: hosts, routers, links (after BuildNetwork) */
    const InstalledTopology& GetNetwork() const;
    /**
     * \return the learning applications, in node order (after InstallApplications); in a
     * distributed run, this rank's only
     */
    const ApplicationContainer& GetApplications() const;
    /** \return the monitor (after InstallApplications) */
    LearningMonitor& GetMonitor() const;
    /** \return the result of Run() (in a distributed run, complete on rank 0 only) */
    const ExperimentResult& GetResult() const;

  protected:
    void DoDispose() override;

  private:
    enum Stage
    {
        NEW,
        PREPARED,
        BUILT,
        INSTALLED,
        RAN,
    };

    /** \return the component of this type, or null (the study's own type) */
    Ptr<ExperimentComponent> ComponentOf(TypeId type) const;
    /** Every component's Configure(), then the algorithm's limits: Prepare()'s work. */
    void Configure();
    /** \throw std::invalid_argument if a setting in use needs one process */
    void RefuseDistributed() const;
    void CheckApplicationKeys(TypeId application) const;
    /** \return a message whose settings are named {Attribute}, in the current naming */
    std::string Word(const std::string& text) const;

    // Attributes (see GetTypeId).
    std::string m_name;
    std::string m_algorithm;
    double m_duration;
    uint32_t m_seed;
    std::string m_output;

    std::vector<Ptr<ExperimentComponent>> m_components; //!< in the order they are called
    Naming m_naming;
    std::map<std::string, std::string> m_applicationValues;
    std::map<std::string, std::string> m_transportValues;
    std::set<std::string> m_given; //!< settings given through Set()

    Stage m_stage{NEW};
    ExperimentContext m_context;
    std::vector<NodeTraffic> m_traffic; //!< every node's, after Run (rank 0)
    uint64_t m_eventCount{0};           //!< events of all ranks, after Run (rank 0)
    ExperimentResult m_result;
    double m_wallStart{0.0};
    double m_learningWait{0.0};
};

template <class T>
Ptr<T>
ExperimentHelper::GetComponent() const
{
    for (const auto& component : m_components)
    {
        if (auto typed = DynamicCast<T>(component))
        {
            return typed;
        }
    }
    return nullptr;
}

} // namespace ns3

#endif /* DIVSHARE_EXPERIMENT_HELPER_H */
