using System.Diagnostics;

namespace EdgeCloud.EdgeAgent.Fleet;

/// <summary>Inference outcomes since the last telemetry message (requests, errors, a latency median estimate).</summary>
internal sealed class FleetTelemetryCounters
{
    private readonly Lock _lock = new();
    private readonly List<double> _latencies = [];
    private long _requests;
    private long _errors;

    public void Record(bool success, long startTimestamp)
    {
        var ms = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        lock (_lock)
        {
            _requests++;
            if (!success)
            {
                _errors++;
            }

            if (_latencies.Count < 4096)
            {
                _latencies.Add(ms);
            }
        }
    }

    /// <summary>Returns the counts since the last call and starts a new interval.</summary>
    public (long Requests, long Errors, double P50Ms) Drain()
    {
        lock (_lock)
        {
            _latencies.Sort();
            var p50 = _latencies.Count == 0 ? 0 : _latencies[_latencies.Count / 2];
            var result = (_requests, _errors, p50);
            _requests = _errors = 0;
            _latencies.Clear();
            return result;
        }
    }
}
