-- Wireshark / tshark dissector for divshare model messages (wire format version 2).
--
--   tshark -X lua_script:utils/divshare.lua -r results/quickstart/pcap/node0-1-1.pcap -Y divshare
--   wireshark -X lua_script:utils/divshare.lua FILE.pcap   (or copy into ~/.local/lib/wireshark/plugins)
--
-- Registered on TCP port 7000 (the transport's Port attribute; Edit > Preferences > Protocols >
-- DIVSHARE to change it). Messages are followed across TCP segments (TCP reassembly), so
-- each one shows once, in the segment that completes it. Fields: divshare.type, .sender,
-- .iteration, .fragment, .fragments (Omega), .values, .send_time_ns, .checksum and
-- .checksum_ok, the CRC-32 of the header's first 36 bytes and the float32 payload, checked.
-- The header layout is model/transport/divshare-header.h's; keep the two together.

local HEADER = 40
local MAGIC = 0x44534852 -- "DSHR"
local bit = bit32 or bit

local divshare = Proto("divshare", "DivShare model message")
local types = { [1] = "fragment", [2] = "reply" }
local f = {
    magic = ProtoField.uint32("divshare.magic", "Magic", base.HEX),
    version = ProtoField.uint8("divshare.version", "Version"),
    type = ProtoField.uint8("divshare.type", "Type", base.DEC, types),
    reserved = ProtoField.uint16("divshare.reserved", "Reserved"),
    sender = ProtoField.uint32("divshare.sender", "Sender node"),
    iteration = ProtoField.uint32("divshare.iteration", "Iteration"),
    fragment = ProtoField.uint32("divshare.fragment", "Fragment"),
    fragments = ProtoField.uint32("divshare.fragments", "Fragments (Omega)"),
    values = ProtoField.uint32("divshare.values", "Value count"),
    send_time = ProtoField.uint64("divshare.send_time_ns", "Send time (ns)"),
    checksum = ProtoField.uint32("divshare.checksum", "Checksum", base.HEX),
    checksum_ok = ProtoField.bool("divshare.checksum_ok", "Checksum holds"),
    payload = ProtoField.bytes("divshare.payload", "Values (float32, little-endian)"),
}
divshare.fields = { f.magic, f.version, f.type, f.reserved, f.sender, f.iteration, f.fragment,
                    f.fragments, f.values, f.send_time, f.checksum, f.checksum_ok, f.payload }
divshare.prefs.port = Pref.uint("TCP port", 7000, "The transport's Port attribute")

-- CRC-32 (IEEE 802.3, reflected, as zlib's crc32), table-driven.
local crc_table = {}
for i = 0, 255 do
    local c = i
    for _ = 1, 8 do
        if bit.band(c, 1) == 1 then
            c = bit.bxor(0xEDB88320, bit.rshift(c, 1))
        else
            c = bit.rshift(c, 1)
        end
    end
    crc_table[i] = c
end

local function crc_update(crc, bytes)
    local band, bxor, rshift = bit.band, bit.bxor, bit.rshift
    -- string.byte in chunks: one call per byte is several times slower.
    for start = 1, #bytes, 4096 do
        local chunk = { string.byte(bytes, start, math.min(start + 4095, #bytes)) }
        for k = 1, #chunk do
            crc = bxor(crc_table[band(bxor(crc, chunk[k]), 0xFF)], rshift(crc, 8))
        end
    end
    return crc
end

-- Length of the message that starts at offset (header plus 4 bytes per value).
local function message_length(tvb, pinfo, offset)
    if tvb(offset, 4):uint() ~= MAGIC then
        return tvb:len() - offset -- not ours, or joined mid-stream: consume the rest
    end
    return HEADER + 4 * tvb(offset + 24, 4):uint()
end

local function dissect_message(tvb, pinfo, tree)
    pinfo.cols.protocol = "DIVSHARE"
    if tvb:len() < HEADER or tvb(0, 4):uint() ~= MAGIC then
        return 0
    end
    local values = tvb(24, 4):uint()
    local kind = types[tvb(5, 1):uint()] or "unknown"
    local stated = tvb(36, 4):uint()
    local crc = crc_update(0xFFFFFFFF, tvb:raw(0, 36))
    crc = bit.bxor(crc_update(crc, tvb:raw(HEADER, 4 * values)), 0xFFFFFFFF)
    local ok = crc == stated
    local t = tree:add(divshare, tvb(), "DivShare " .. kind)
    t:add(f.magic, tvb(0, 4))
    t:add(f.version, tvb(4, 1))
    t:add(f.type, tvb(5, 1))
    t:add(f.reserved, tvb(6, 2))
    t:add(f.sender, tvb(8, 4))
    t:add(f.iteration, tvb(12, 4))
    t:add(f.fragment, tvb(16, 4))
    t:add(f.fragments, tvb(20, 4))
    t:add(f.values, tvb(24, 4))
    t:add(f.send_time, tvb(28, 8))
    t:add(f.checksum, tvb(36, 4))
    t:add(f.checksum_ok, ok)
    if values > 0 then
        t:add(f.payload, tvb(HEADER, 4 * values))
    end
    local info = string.format("%s from node %d, iteration %d, fragment %d/%d, %d values%s",
                               kind, tvb(8, 4):uint(), tvb(12, 4):uint(), tvb(16, 4):uint(),
                               tvb(20, 4):uint(), values, ok and "" or " [BAD CHECKSUM]")
    pinfo.cols.info:append(" " .. info)
    return tvb:len()
end

function divshare.dissector(tvb, pinfo, tree)
    dissect_tcp_pdus(tvb, tree, 28, message_length, dissect_message)
end

local registered = 0
local function register()
    local tcp = DissectorTable.get("tcp.port")
    if registered ~= 0 then
        tcp:remove(registered, divshare)
    end
    registered = divshare.prefs.port
    tcp:add(registered, divshare)
end
divshare.prefs_changed = register
register()
