namespace EdgeCloud.Bench.Measurement;

/// <summary>One path's measured latencies, and what it is compared against.</summary>
internal sealed record PathResult(string Name, PathRole Role, LatencySummary Latency);
