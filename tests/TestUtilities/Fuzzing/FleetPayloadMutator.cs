using System.Text;
using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.TestUtilities.Fuzzing;

/// <summary>One hostile MQTT publish: where it goes, its bytes, and what kind of hostility it is.</summary>
public sealed record FleetFuzzCase(string Topic, byte[] Payload, string Kind);

/// <summary>
/// Hostile fleet payloads, deterministically from a seed: malformed JSON (truncated, random bytes, invalid UTF-8),
/// oversized documents, unknown schema versions, wrong JSON types, and (for a device) forbidden topics. Every case
/// must be refused by whoever receives it; none is a valid document.
/// </summary>
public sealed class FleetPayloadMutator(string fleet, string deviceId, string otherDeviceId, int oversizedBytes, int seed)
{
    private static readonly string[] DeviceLeaves = [FleetTopics.Reported, FleetTopics.Telemetry, FleetTopics.Events, FleetTopics.CommandResult, FleetTopics.State];
    private static readonly string[] AgentLeaves = [FleetTopics.Desired, FleetTopics.Command];
    private static readonly string[] WrongTypes =
        ["\"just a string\"", "[1,2,3]", "42", "null", "true", "{\"schema\":\"1\"}", "{\"schema\":1.5}", "{\"schema\":null}", "{\"schema\":[1]}", "{\"schema\":{}}"];

    private static readonly long[] Schemas = [0, 2, 3, 99, -1, int.MaxValue, long.MaxValue];
    private readonly Random _random = new(seed);

    /// <summary>A case an enrolled device publishes towards the hub (its report topics, or topics it may not use).</summary>
    public FleetFuzzCase NextFromDevice()
    {
        if (_random.Next(6) == 0)
        {
            var topic = _random.Next(7) switch
            {
                0 => FleetTopics.Device(fleet, otherDeviceId, FleetTopics.Reported),
                1 => FleetTopics.Device(fleet, deviceId, FleetTopics.Desired),
                2 => FleetTopics.Device(fleet, deviceId, FleetTopics.Command),
                3 => FleetTopics.HubState(fleet),
                4 => FleetTopics.Group(fleet, "edge", FleetTopics.Desired),
                5 => FleetTopics.Device("other-fleet", deviceId, FleetTopics.Reported),
                _ => $"edgecloud/v1/{fleet}/devices/{deviceId}/unknown-leaf",
            };
            return new FleetFuzzCase(topic, Payload(out _), "forbidden-topic");
        }

        var payload = Payload(out var kind);
        return new FleetFuzzCase(FleetTopics.Device(fleet, deviceId, DeviceLeaves[_random.Next(DeviceLeaves.Length)]), payload, kind);
    }

    /// <summary>A case the operator publishes towards the agent of <c>deviceId</c> (its desired and command topics).</summary>
    public FleetFuzzCase NextToAgent()
    {
        var payload = Payload(out var kind);
        return new FleetFuzzCase(FleetTopics.Device(fleet, deviceId, AgentLeaves[_random.Next(AgentLeaves.Length)]), payload, kind);
    }

    private byte[] Payload(out string kind)
    {
        switch (_random.Next(20))
        {
            case < 6:
                kind = "malformed-json";
                var valid = $"{{\"schema\":1,\"version\":{_random.Next(1, 1000)},\"applied\":{{\"device\":{_random.Next()}}},\"models\":[],\"rejected\":[]}}";
                return Encoding.UTF8.GetBytes(valid[.._random.Next(1, valid.Length - 1)]);
            case < 8:
                kind = "malformed-bytes";
                var bytes = new byte[_random.Next(1, 512)];
                _random.NextBytes(bytes);
                bytes[0] = (byte)"\u00ff{[\"x"[_random.Next(5)];
                return bytes;
            case < 9:
                kind = "invalid-utf8";
                return [.. "{\"schema\":1,\"x\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8];
            case < 10:
                kind = "oversized";
                return Encoding.UTF8.GetBytes("{\"schema\":1,\"pad\":\"" + new string('x', oversizedBytes) + "\"}");
            case < 14:
                kind = "unknown-schema";
                return Encoding.UTF8.GetBytes($"{{\"schema\":{Schemas[_random.Next(Schemas.Length)]},\"version\":{_random.Next()}}}");
            default:
                kind = "wrong-types";
                return Encoding.UTF8.GetBytes(WrongTypes[_random.Next(WrongTypes.Length)]);
        }
    }
}
