using System.Security.Cryptography;

namespace EdgeCloud.Bench.FleetFanout;

/// <summary>The simulated fleet: N devices of one group, each with a random 256-bit secret.</summary>
internal sealed record FanoutFleet(string Name, string Group, IReadOnlyList<(string Id, string Secret)> Devices)
{
    public static FanoutFleet Create(int agents) => new(
        "default",
        "fanout",
        [.. Enumerable.Range(0, agents).Select(i => ($"sim-{i:D5}", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))))]);
}
