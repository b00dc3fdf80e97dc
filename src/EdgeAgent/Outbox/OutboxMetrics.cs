using System.Diagnostics.Metrics;

namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>
/// The outbox's instruments on meter <c>EdgeCloud.EdgeAgent.Outbox</c>, all observed from
/// <see cref="SqliteOutbox.Stats"/>, so the append path pays nothing for them:
/// <c>edgecloud.outbox.pending.events</c>, <c>.pending.bytes</c>, <c>.oldest.age</c> (s),
/// <c>edgecloud.outbox.appended</c>, <c>.delivered</c>, and <c>.dropped</c> / <c>.dropped.bytes</c>
/// tagged <c>reason</c> = <c>age</c> | <c>capacity</c>.
/// </summary>
internal sealed class OutboxMetrics : IDisposable
{
    public const string MeterName = "EdgeCloud.EdgeAgent.Outbox";

    private readonly Meter _meter;

    public OutboxMetrics(IMeterFactory meterFactory, SqliteOutbox outbox, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _meter.CreateObservableGauge("edgecloud.outbox.pending.events", () => outbox.Stats.PendingEvents, "{event}", "Undelivered events in the outbox");
        _meter.CreateObservableGauge("edgecloud.outbox.pending.bytes", () => outbox.Stats.PendingBytes, "By", "Accounted bytes of undelivered events");
        _meter.CreateObservableGauge(
            "edgecloud.outbox.oldest.age",
            () => outbox.Stats.OldestPending is { } oldest ? (timeProvider.GetUtcNow() - oldest).TotalSeconds : 0,
            "s",
            "Age of the oldest undelivered event");
        _meter.CreateObservableCounter("edgecloud.outbox.appended", () => outbox.Stats.Appended, "{event}", "Events stored durably since start");
        _meter.CreateObservableCounter("edgecloud.outbox.delivered", () => outbox.Stats.Delivered, "{event}", "Events acknowledged by the hub since start");
        _meter.CreateObservableCounter("edgecloud.outbox.dropped", () => Dropped(outbox.Stats, bytes: false), "{event}", "Undelivered events dropped, by reason (file lifetime)");
        _meter.CreateObservableCounter("edgecloud.outbox.dropped.bytes", () => Dropped(outbox.Stats, bytes: true), "By", "Accounted bytes dropped, by reason (file lifetime)");
    }

    public void Dispose() => _meter.Dispose();

    private static Measurement<long>[] Dropped(OutboxStats stats, bool bytes) =>
    [
        new(bytes ? stats.DroppedBytesByAge : stats.DroppedByAge, new KeyValuePair<string, object?>("reason", DropReasons.Age)),
        new(bytes ? stats.DroppedBytesByCapacity : stats.DroppedByCapacity, new KeyValuePair<string, object?>("reason", DropReasons.Capacity)),
    ];
}
