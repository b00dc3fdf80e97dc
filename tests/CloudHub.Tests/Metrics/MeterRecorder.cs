using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace EdgeCloud.CloudHub.Tests.Metrics;

/// <summary>Records the measurements of one <see cref="Meter"/> instance (not others of the same name, e.g. another hub's in this process).</summary>
internal sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();

    public MeterRecorder(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    /// <summary>The values recorded on <paramref name="instrument"/> whose <c>model</c> tag is <paramref name="model"/>.</summary>
    public IReadOnlyList<double> Values(string instrument, string model) =>
        [.. _measurements.Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault("model"), model)).Select(m => m.Value)];

    public IReadOnlyList<Dictionary<string, object?>> Tags(string instrument) =>
        [.. _measurements.Where(m => m.Instrument == instrument).Select(m => m.Tags)];

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }
}
