using System.Collections.Concurrent;
using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>Counts of fleet messages taken in (by topic leaf) and refused (by reason), for the admin API and tests.</summary>
public sealed class FleetCounters
{
    // One slot per topic leaf devices publish to, counted without a lock: every report of a fan-out passes here.
    private static readonly string[] Leaves = [FleetTopics.State, FleetTopics.Reported, FleetTopics.Telemetry, FleetTopics.Events, FleetTopics.CommandResult];

    private readonly long[] _accepted = new long[Leaves.Length];
    private readonly ConcurrentDictionary<string, long> _acceptedOther = new(StringComparer.Ordinal);
    private readonly long[] _rejected = new long[Enum.GetValues<FleetRejectReason>().Length];

    private long _authenticationFailures;

    /// <summary>MQTT logins refused (unknown device or wrong secret).</summary>
    public long AuthenticationFailures => Interlocked.Read(ref _authenticationFailures);

    public void AuthenticationFailed() => Interlocked.Increment(ref _authenticationFailures);

    public void Accepted(string leaf)
    {
        if (Array.IndexOf(Leaves, leaf) is var slot and >= 0)
        {
            Interlocked.Increment(ref _accepted[slot]);
        }
        else
        {
            _acceptedOther.AddOrUpdate(leaf, 1, static (_, n) => n + 1);
        }
    }

    public void Rejected(FleetRejectReason reason) => Interlocked.Increment(ref _rejected[(int)reason]);

    public long AcceptedCount(string leaf) =>
        Array.IndexOf(Leaves, leaf) is var slot and >= 0 ? Interlocked.Read(ref _accepted[slot]) : _acceptedOther.GetValueOrDefault(leaf);

    public long RejectedCount(FleetRejectReason reason) => Interlocked.Read(ref _rejected[(int)reason]);

    public FleetStats Snapshot() => new(
        Leaves.Select(leaf => KeyValuePair.Create(leaf, AcceptedCount(leaf))).Where(static kv => kv.Value > 0).Concat(_acceptedOther)
            .ToDictionary(static kv => kv.Key, static kv => kv.Value, StringComparer.Ordinal),
        Enum.GetValues<FleetRejectReason>().ToDictionary(static r => r.ToString(), RejectedCount, StringComparer.Ordinal),
        AuthenticationFailures);
}

/// <summary>The counters at one moment.</summary>
public sealed record FleetStats(IReadOnlyDictionary<string, long> Accepted, IReadOnlyDictionary<string, long> Rejected, long AuthenticationFailures);
