/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "network-options.h"

#include "../common/name-list.h"
#include "../common/topology-units.h"

#include "ns3/config.h"
#include "ns3/string.h"
#include "ns3/type-id.h"

#include <map>
#include <stdexcept>

namespace ns3
{

namespace
{

const std::map<std::string, std::string>&
QueueDiscs()
{
    static const std::map<std::string, std::string> known{
        {"fifo", "ns3::FifoQueueDisc"},
        {"red", "ns3::RedQueueDisc"},
        {"codel", "ns3::CoDelQueueDisc"},
        {"fq-codel", "ns3::FqCoDelQueueDisc"},
    };
    return known;
}

const std::map<std::string, std::string>&
TcpVariants()
{
    static const std::map<std::string, std::string> known{
        {"newreno", "ns3::TcpNewReno"},
        {"cubic", "ns3::TcpCubic"},
        {"bbr", "ns3::TcpBbr"},
        {"vegas", "ns3::TcpVegas"},
        {"dctcp", "ns3::TcpDctcp"},
        {"westwood", "ns3::TcpWestwood"},
        {"htcp", "ns3::TcpHtcp"},
        {"bic", "ns3::TcpBic"},
        {"highspeed", "ns3::TcpHighSpeed"},
        {"hybla", "ns3::TcpHybla"},
        {"illinois", "ns3::TcpIllinois"},
        {"scalable", "ns3::TcpScalable"},
        {"veno", "ns3::TcpVeno"},
        {"yeah", "ns3::TcpYeah"},
        {"lp", "ns3::TcpLp"},
        {"ledbat", "ns3::TcpLedbat"},
    };
    return known;
}

} // namespace

void
NetworkOptions::SetQueueDisc(const std::string& name)
{
    if (name != "default" && QueueDiscs().count(name) == 0)
    {
        throw std::invalid_argument("unknown queue discipline '" + name + "'; known: default, " +
                                    JoinNames(NamesOf(QueueDiscs())));
    }
    queueDisc = name;
}

void
NetworkOptions::SetTcpVariant(const std::string& name)
{
    TypeId tid;
    if (name != "default" && TcpVariants().count(name) == 0 &&
        (name.rfind("ns3::Tcp", 0) != 0 || !TypeId::LookupByNameFailSafe(name, &tid)))
    {
        throw std::invalid_argument("unknown TCP variant '" + name + "'; known: default, " +
                                    JoinNames(NamesOf(TcpVariants())) +
                                    ", or an ns-3 TypeId such as ns3::TcpNewReno");
    }
    tcpVariant = name;
}

std::string
NetworkOptions::EffectiveQueueDisc(const std::optional<QueueSize>& linkQueue) const
{
    if (queueDisc == "default" && (linkQueue || queueSize))
    {
        return "fifo";
    }
    return queueDisc;
}

std::vector<std::string>
NetworkOptions::GetQueueDiscs()
{
    return NamesOf(QueueDiscs());
}

std::string
NetworkOptions::QueueDiscTypeId(const std::string& name)
{
    auto it = QueueDiscs().find(name);
    if (it == QueueDiscs().end())
    {
        throw std::invalid_argument("unknown queue discipline '" + name +
                                    "'; known: " + JoinNames(NamesOf(QueueDiscs())));
    }
    return it->second;
}

std::string
NetworkOptions::TcpTypeId() const
{
    if (tcpVariant == "default")
    {
        return "";
    }
    auto it = TcpVariants().find(tcpVariant);
    return it == TcpVariants().end() ? tcpVariant : it->second;
}

uint32_t
NetworkOptions::MaxSegmentSize() const
{
    return mtu - 52;
}

void
NetworkOptions::ApplyDefaults() const
{
    // Defaults outlive a run; "default" restores ns-3's own so that runs in one process
    // (sweeps, tests) do not inherit the previous run's variant.
    std::string tcp = TcpTypeId();
    if (tcp.empty())
    {
        TypeId::AttributeInformation info;
        TypeId::LookupByName("ns3::TcpL4Protocol").LookupAttributeByName("SocketType", &info);
        tcp = info.initialValue->SerializeToString(info.checker);
    }
    Config::SetDefault("ns3::TcpL4Protocol::SocketType", StringValue(tcp));
}

} // namespace ns3
