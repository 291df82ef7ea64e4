/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_DECENTRALIZED_LEARNING_HELPER_H
#define DIVSHARE_DECENTRALIZED_LEARNING_HELPER_H

#include "ns3/application-container.h"
#include "ns3/attribute.h"
#include "ns3/ipv4-address.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/workload.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Installs one decentralized-learning application per node, gives each its learner
 * from a Workload, and tells every node where all the others listen.
 *
 * \code
 *   DecentralizedLearningHelper helper("ns3::DivShareApplication");
 *   helper.SetAttribute("Fragments", UintegerValue(10));
 *   helper.SetTransportAttribute("MaxConcurrentTransfers", UintegerValue(4));
 *   ApplicationContainer apps = helper.Install(net.hosts, net.addresses, workload);
 * \endcode
 */
class DecentralizedLearningHelper
{
  public:
    /**
     * \param typeId TypeId name of a DecentralizedLearningApplication subclass
     */
    explicit DecentralizedLearningHelper(const std::string& typeId = "ns3::DivShareApplication");
    /**
     * \param name attribute of the application
     * \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \param name attribute of every application's ModelTransport
     * \param value its value
     */
    void SetTransportAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Install node i's application on nodes.Get(i), with workload.CreateLearner(i).
     * \param nodes the learning nodes
     * \param addresses their IPv4 addresses, in the same order
     * \param workload the shared learning task; its node count must match
     * \param only install on these node indices only, in increasing order (a rank's nodes in
     *        a distributed run); empty: on every node
     * \return the applications, in node order
     * \throws std::invalid_argument if the attributes do not suit this run (see
     *         DecentralizedLearningApplication::CheckConfiguration), before any is installed
     */
    ApplicationContainer Install(const NodeContainer& nodes,
                                 const std::vector<Ipv4Address>& addresses,
                                 const Workload& workload,
                                 const std::vector<uint32_t>& only = {}) const;
    /**
     * \brief Fix the random streams of the applications: node i's application gets the
     * streams it would get if every node's application were assigned in node order, so that
     * a distributed run draws the same numbers.
     * \param apps applications installed by this helper
     * \param stream first stream
     * \param nodes the node index of each application (empty: 0, 1, ...)
     * \return the number of streams used by the applications of nodes 0 to the last one
     */
    static int64_t AssignStreams(const ApplicationContainer& apps,
                                 int64_t stream,
                                 const std::vector<uint32_t>& nodes = {});

  private:
    ObjectFactory m_factory;
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_transportAttributes;
};

} // namespace ns3

#endif /* DIVSHARE_DECENTRALIZED_LEARNING_HELPER_H */
