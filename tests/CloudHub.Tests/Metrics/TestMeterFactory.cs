using System.Diagnostics.Metrics;

namespace EdgeCloud.CloudHub.Tests.Metrics;

/// <summary>An <see cref="IMeterFactory"/> for unit tests: plain meters, disposed with the factory.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
