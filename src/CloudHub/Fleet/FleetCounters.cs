using System.Collections.Concurrent;
using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>Counts of fleet messages taken in (by topic leaf) and refused (by reason), for the admin API and tests.</summary>
public sealed class FleetCounters
{
    private readonly ConcurrentDictionary<string, long> _accepted = new(StringComparer.Ordinal);
    private readonly long[] _rejected = new long[Enum.GetValues<FleetRejectReason>().Length];

    private long _authenticationFailures;

    /// <summary>MQTT logins refused (unknown device or wrong secret).</summary>
    public long AuthenticationFailures => Interlocked.Read(ref _authenticationFailures);

    public void AuthenticationFailed() => Interlocked.Increment(ref _authenticationFailures);

    public void Accepted(string leaf) => _accepted.AddOrUpdate(leaf, 1, static (_, n) => n + 1);

    public void Rejected(FleetRejectReason reason) => Interlocked.Increment(ref _rejected[(int)reason]);

    public long AcceptedCount(string leaf) => _accepted.TryGetValue(leaf, out var n) ? n : 0;

    public long RejectedCount(FleetRejectReason reason) => Interlocked.Read(ref _rejected[(int)reason]);

    public FleetStats Snapshot() => new(
        _accepted.ToDictionary(static kv => kv.Key, static kv => kv.Value, StringComparer.Ordinal),
        Enum.GetValues<FleetRejectReason>().ToDictionary(static r => r.ToString(), RejectedCount, StringComparer.Ordinal),
        AuthenticationFailures);
}

/// <summary>The counters at one moment.</summary>
public sealed record FleetStats(IReadOnlyDictionary<string, long> Accepted, IReadOnlyDictionary<string, long> Rejected, long AuthenticationFailures);
