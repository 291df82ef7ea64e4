/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer targets: every reader of bytes a user or a peer controls. One binary per target,
// chosen at compile time (DIVSHARE_FUZZ_TARGET), built and run by `./divshare fuzz`.
// A target passes when whatever it is given ends in a value or a std::exception: never a
// crash, a sanitizer report, a hang or an abort.

#include "ns3/cifar10-reader.h"
#include "ns3/kollaps-reader.h"
#include "ns3/message-codec.h"
#include "ns3/movielens-reader.h"
#include "ns3/scenario.h"
#include "ns3/topology-file-reader.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace ns3;

namespace
{

/** A folder of this process's own, removed when the process ends. */
struct TempFolder
{
    TempFolder()
    {
        char pattern[] = "/tmp/divshare-fuzz-XXXXXX";
        path = mkdtemp(pattern);
    }

    ~TempFolder()
    {
        std::filesystem::remove_all(path);
    }

    std::string path;
};

/** The input as a file, for the readers that take paths. */
std::string
AsFile(const uint8_t* data, std::size_t size, const std::string& name)
{
    static const TempFolder folder;
    const std::string path = folder.path + "/" + name;
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path;
}

void
Reassembler(const uint8_t* data, std::size_t size)
{
    // The first byte sets the chunk size, as TCP would cut the stream.
    if (size == 0)
    {
        return;
    }
    const std::size_t chunk = 1 + data[0] % 97;
    MessageReassembler reassembler;
    reassembler.SetHeaderCheck([](const DivShareHeader& header) -> std::string {
        return header.valueCount <= 4096 ? "" : "more values than expected";
    });
    std::vector<ModelMessage> messages;
    for (std::size_t offset = 1; offset < size; offset += chunk)
    {
        const auto n = static_cast<uint32_t>(std::min(chunk, size - offset));
        if (!reassembler.Append(Create<Packet>(data + offset, n), messages))
        {
            break;
        }
    }
}

void
ScenarioText(const uint8_t* data, std::size_t size)
{
    try
    {
        Scenario::FromText(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
    }
    catch (const std::exception&)
    {
    }
}

void
TopologyText(const uint8_t* data, std::size_t size)
{
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    try
    {
        const auto file = TopologyFileReader::Parse(in, "fuzz.topo");
        ResolveNetworkEvents(file.topology.events, file.topology, Seconds(100));
    }
    catch (const std::exception&)
    {
    }
}

void
KollapsText(const uint8_t* data, std::size_t size)
{
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    try
    {
        const auto topology = KollapsReader::Parse(in, "fuzz.xml");
        ResolveNetworkEvents(topology.events, topology, Seconds(100));
    }
    catch (const std::exception&)
    {
    }
}

void
Cifar10Bytes(const uint8_t* data, std::size_t size)
{
    try
    {
        ReadCifar10Files({AsFile(data, size, "data_batch_1.bin")},
                         std::max<std::size_t>(1, size / 3073));
    }
    catch (const std::exception&)
    {
    }
}

void
MovieLensText(const uint8_t* data, std::size_t size)
{
    try
    {
        ReadMovieLensCsv(AsFile(data, size, "ratings.csv"));
        ReadMovieLens100k(AsFile(data, size, "u.data"));
    }
    catch (const std::exception&)
    {
    }
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    DIVSHARE_FUZZ_TARGET(data, size);
    return 0;
}
