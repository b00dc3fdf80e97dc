using System.Diagnostics;
using EdgeCloud.Bench.Reporting;

namespace EdgeCloud.Bench.FleetFanout;

/// <summary>
/// One fleet size on one broker: start the hub (and mosquitto) in this process, register N agents and connect them
/// from a second process (<see cref="SwarmProcess"/>), run one unmeasured warm-up version, then measured versions from the desired publish to the last report taken in.
/// </summary>
internal static class FanoutRun
{
    public static async Task<FanoutResult> RunAsync(FanoutBroker broker, int agents, FleetFanoutOptions options)
    {
        var fleet = FanoutFleet.Create(agents);
        await using var hub = await FanoutHub.StartAsync(broker, fleet);
        await using var swarm = await SwarmProcess.StartAsync(fleet, hub.MqttPort, options.ConnectBatch, CancellationToken.None);
        Console.Error.WriteLine($"{broker} {agents}: {swarm.Connected} agents connected in {swarm.ConnectTime.TotalSeconds:F1} s");

        var watch = new IntakeWatch(hub.Counters);
        var warmup = await RoundAsync(hub, swarm, watch, fleet, 0, swarm.Connected, TimeSpan.FromSeconds(Math.Max(120, options.RoundTimeout.TotalSeconds)));
        Console.Error.WriteLine($"  warm-up: {warmup.ReportMs.Length}/{warmup.Expected} reports, last at {Last(warmup):F0} ms");
        var rounds = new List<FanoutRound>();
        var load = LoadAverage.Read();
        for (var round = 1; round <= options.Rounds; round++)
        {
            rounds.Add(await RoundAsync(hub, swarm, watch, fleet, round, swarm.Connected, options.RoundTimeout));
            var r = rounds[^1];
            Console.Error.WriteLine($"  round {round}: {r.ReportMs.Length}/{r.Expected} reports (PUT answered at {r.Downlink.PutMs:F0} ms, desired taken by {r.Downlink.Delivered}, the last at {r.Downlink.LastMs:F0} ms, not acknowledged {r.PublishFailures}, at version {r.DevicesAtVersion}), all in {Last(r):F0} ms; CPU s hub / swarm / mosquitto {r.Cpu}");
        }

        return new FanoutResult(broker, agents, swarm.ConnectTime, swarm.Connected, rounds, load, null);
    }

    private static async Task<FanoutRound> RoundAsync(FanoutHub hub, SwarmProcess swarm, IntakeWatch watch, FanoutFleet fleet, int round, int expected, TimeSpan timeout)
    {
        var baseline = watch.Accepted;
        var before = await swarm.CountersAsync(CancellationToken.None);
        var cpu = hub.CpuTime(swarm.CpuTime);
        var start = Stopwatch.GetTimestamp();
        var reports = watch.WaitAsync(baseline, expected, start, timeout);
        var version = await hub.Admin.SetGroupConfigAsync(fleet, round);
        var put = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var times = await reports;
        cpu = hub.CpuTime(swarm.CpuTime) - cpu;
        await Task.Delay(TimeSpan.FromMilliseconds(300)); // stragglers past the timeout, and the registry's JSON
        var atVersion = await hub.Admin.CountAtVersionAsync(fleet, version);
        var after = await swarm.CountersAsync(CancellationToken.None);
        var downlink = new RoundDownlink(put, (int)(after.Desired - before.Desired), Stopwatch.GetElapsedTime(start, after.LastDesiredAt).TotalMilliseconds);
        return new FanoutRound(times, fleet.Devices.Count, downlink, cpu, (int)(after.PublishFailures - before.PublishFailures), atVersion);
    }

    private static double Last(FanoutRound round) => round.ReportMs.Length == 0 ? double.NaN : round.ReportMs[^1];
}
