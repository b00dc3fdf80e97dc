namespace EdgeCloud.Bench.FleetFanout;

/// <summary>
/// One measured round: when each report reached the hub's intake (ms after the desired publish), how many agents took the
/// new desired version and when the last of them did (the downlink alone), reports not acknowledged, and devices at the version.
/// </summary>
internal sealed record FanoutRound(double[] ReportMs, int Expected, int DesiredDelivered, double LastDesiredMs, int PublishFailures, int DevicesAtVersion);

/// <summary>A run of <c>fleet-fanout</c> at one fleet size on one broker: setup costs and its measured rounds.</summary>
internal sealed record FanoutResult(FanoutBroker Broker, int Agents, TimeSpan ConnectTime, int Connected, IReadOnlyList<FanoutRound> Rounds, string Load, string? Error);
