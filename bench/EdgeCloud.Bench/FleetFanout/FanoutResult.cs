namespace EdgeCloud.Bench.FleetFanout;

/// <summary>
/// One measured round: when each report reached the hub's intake (ms after the admin PUT was sent), the downlink, the CPU the
/// processes used until the last report, reports the broker did not acknowledge, and devices at the version in the registry.
/// </summary>
internal sealed record FanoutRound(double[] ReportMs, int Expected, RoundDownlink Downlink, RoundCpu Cpu, int PublishFailures, int DevicesAtVersion);

/// <summary>The downlink of a round: when the PUT was answered (stored and published), how many agents took the version, when the last did (ms).</summary>
internal sealed record RoundDownlink(double PutMs, int Delivered, double LastMs);

/// <summary>A run of <c>fleet-fanout</c> at one fleet size on one broker: setup costs and its measured rounds.</summary>
internal sealed record FanoutResult(FanoutBroker Broker, int Agents, TimeSpan ConnectTime, int Connected, IReadOnlyList<FanoutRound> Rounds, string Load, string? Error);
