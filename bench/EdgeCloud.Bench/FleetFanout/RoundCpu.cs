namespace EdgeCloud.Bench.FleetFanout;

/// <summary>
/// CPU time (user + system) of the three processes of a fan-out: the hub's (with the embedded broker, when it is the one),
/// the simulated agents' and mosquitto's (zero on the embedded broker). Taken as totals; a round's use is the difference.
/// </summary>
internal sealed record RoundCpu(TimeSpan Hub, TimeSpan Swarm, TimeSpan Mosquitto)
{
    public static RoundCpu operator -(RoundCpu after, RoundCpu before) => new(after.Hub - before.Hub, after.Swarm - before.Swarm, after.Mosquitto - before.Mosquitto);

    public override string ToString() => FormattableString.Invariant($"{Hub.TotalSeconds:F2} / {Swarm.TotalSeconds:F2} / {Mosquitto.TotalSeconds:F2}");
}
