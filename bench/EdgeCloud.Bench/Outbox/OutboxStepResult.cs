namespace EdgeCloud.Bench.Outbox;

/// <summary>One measured step: events acknowledged per second and the acknowledge latency percentiles (ms).</summary>
internal sealed record OutboxStepResult(string Path, int Producers, long Events, double PerSecond, double P50Ms, double P99Ms, double MaxMs);
