using System.Diagnostics.Metrics;
using EdgeCloud.EdgeAgent.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Outbox;

public sealed class OutboxMetricsTests
{
    [Fact]
    public async Task Instruments_AfterCapacityAndAgeDrops_ReportCountsByReason()
    {
        await using var harness = OutboxHarness.Create(o => { o.MaxBytes = 65536; o.MaxEventBytes = 16384; o.MaxAge = TimeSpan.FromMinutes(1); });
        var ct = TestContext.Current.CancellationToken;
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        using var metrics = new OutboxMetrics(meterFactory, harness.Outbox, harness.Time);
        for (var i = 0; i < 10; i++)
        {
            await harness.Outbox.AppendAsync(OutboxHarness.Entry(payload: $"\"{new string('x', 10000)}\""), ct);
        }

        harness.Time.Advance(TimeSpan.FromMinutes(2));
        await harness.Outbox.PurgeExpiredAsync(ct);

        var seen = Observe(metrics, meterFactory);
        Assert.Equal(harness.Outbox.Stats.DroppedByCapacity, seen[("edgecloud.outbox.dropped", DropReasons.Capacity)]);
        Assert.Equal(harness.Outbox.Stats.DroppedByAge, seen[("edgecloud.outbox.dropped", DropReasons.Age)]);
        Assert.True(seen[("edgecloud.outbox.dropped", DropReasons.Capacity)] > 0);
        Assert.True(seen[("edgecloud.outbox.dropped", DropReasons.Age)] > 0);
        Assert.Equal(10, seen[("edgecloud.outbox.appended", "")]);
        Assert.Equal(0, seen[("edgecloud.outbox.pending.events", "")]);
    }

    // Only this test's meter: tests running beside it have their own OutboxMetrics, under the same meter name.
    private static Dictionary<(string, string), double> Observe(OutboxMetrics metrics, IMeterFactory meterFactory)
    {
        var seen = new Dictionary<(string, string), double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OutboxMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => seen[(i.Name, Reason(tags))] = value);
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => seen[(i.Name, Reason(tags))] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        GC.KeepAlive(metrics);
        return seen;
    }

    private static string Reason(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "reason")
            {
                return (string)tag.Value!;
            }
        }

        return "";
    }
}
