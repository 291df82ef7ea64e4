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

std::vector<std::string>
NetworkOptions::GetKeys()
{
    return {"queueDisc", "queueSize", "tcpVariant", "mtu", "errorRate"};
}

void
NetworkOptions::Set(const std::string& key, const std::string& value)
{
    if (key == "queueDisc")
    {
        if (value != "default" && QueueDiscs().count(value) == 0)
        {
            throw std::invalid_argument("network option queueDisc: unknown '" + value +
                                        "'; known: default, " + JoinNames(NamesOf(QueueDiscs())));
        }
        queueDisc = value;
    }
    else if (key == "queueSize")
    {
        queueSize = ParseQueueSize(value);
    }
    else if (key == "tcpVariant")
    {
        TypeId tid;
        if (value != "default" && TcpVariants().count(value) == 0 &&
            (value.rfind("ns3::Tcp", 0) != 0 || !TypeId::LookupByNameFailSafe(value, &tid)))
        {
            throw std::invalid_argument("network option tcpVariant: unknown '" + value +
                                        "'; known: default, " + JoinNames(NamesOf(TcpVariants())) +
                                        ", or an ns-3 TypeId such as ns3::TcpNewReno");
        }
        tcpVariant = value;
    }
    else if (key == "mtu")
    {
        std::size_t used = 0;
        unsigned long mtuValue = 0;
        try
        {
            mtuValue = std::stoul(value, &used);
        }
        catch (const std::exception&)
        {
            used = 0;
        }
        if (used != value.size() || mtuValue < 576 || mtuValue > 9000)
        {
            throw std::invalid_argument("network option mtu: '" + value +
                                        "' is not a byte count in 576..9000");
        }
        mtu = static_cast<uint32_t>(mtuValue);
    }
    else if (key == "errorRate")
    {
        errorRate = ParseProbability(value);
    }
    else
    {
        std::string keys;
        for (const auto& k : GetKeys())
        {
            keys += (keys.empty() ? "" : ", ") + k;
        }
        throw std::invalid_argument("unknown network option '" + key + "'; known: " + keys);
    }
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
