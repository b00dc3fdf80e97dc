using System.Globalization;

namespace EdgeCloud.Bench.FleetFanout;

/// <summary>
/// The lines between <c>fleet-fanout</c> and its <c>fleet-swarm</c> child, one request and one reply each:
/// the child says <c>connected {n} {seconds}</c> once its agents are up; <c>counters</c> is answered with
/// <c>counters {desired taken} {reports not acknowledged} {Stopwatch timestamp of the latest desired taken}</c>; <c>quit</c> (or end of stdin) disconnects them all.
/// </summary>
internal static class SwarmProtocol
{
    public const string CountersRequest = "counters";
    public const string Quit = "quit";

    public static string Connected(int agents, TimeSpan took) => string.Create(CultureInfo.InvariantCulture, $"connected {agents} {took.TotalSeconds:F3}");

    public static string Counters(SwarmCounters counters) =>
        string.Create(CultureInfo.InvariantCulture, $"counters {counters.Desired} {counters.PublishFailures} {counters.LastDesiredAt}");

    public static (int Agents, TimeSpan Took) ParseConnected(string line) => Parse(line, "connected") is [var n, var s]
        ? (int.Parse(n, CultureInfo.InvariantCulture), TimeSpan.FromSeconds(double.Parse(s, CultureInfo.InvariantCulture)))
        : throw new InvalidOperationException($"fleet-swarm: expected 'connected <n> <seconds>', got '{line}'");

    public static SwarmCounters ParseCounters(string line) => Parse(line, "counters") is [var d, var f, var t]
        ? new(long.Parse(d, CultureInfo.InvariantCulture), long.Parse(f, CultureInfo.InvariantCulture), long.Parse(t, CultureInfo.InvariantCulture))
        : throw new InvalidOperationException($"fleet-swarm: expected 'counters <desired> <failures> <timestamp>', got '{line}'");

    private static string[] Parse(string line, string verb)
    {
        var parts = line.Split(' ');
        return parts.Length > 0 && parts[0] == verb ? parts[1..] : [];
    }
}

/// <summary>The swarm's counters at one moment (see <see cref="AgentSwarmCounters"/>).</summary>
internal sealed record SwarmCounters(long Desired, long PublishFailures, long LastDesiredAt);
