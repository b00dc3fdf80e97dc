using System.Globalization;
using System.Text;
using EdgeCloud.Bench.Reporting;

namespace EdgeCloud.Bench.FleetFanout;

/// <summary>
/// <c>fleet-fanout</c>: N simulated MQTT agents against the embedded broker and mosquitto; the time from the hub's
/// publish of a group's new desired version until its intake has taken in every device's report of it.
/// </summary>
internal static class FleetFanoutCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        FleetFanoutOptions options;
        try
        {
            options = FleetFanoutOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(FleetFanoutOptions.Help);
            return 2;
        }

        if (!System.Runtime.GCSettings.IsServerGC)
        {
            Console.Error.WriteLine("note: this process hosts the hub with workstation GC; CloudHub itself runs with server GC (run with DOTNET_gcServer=1 to match)");
        }

        var results = new List<FanoutResult>();
        foreach (var agents in options.Agents)
        {
            foreach (var broker in options.Brokers)
            {
                try
                {
                    results.Add(await FanoutRun.RunAsync(broker, agents, options));
                }
                catch (Exception ex) when (ex is IOException or InvalidOperationException or HttpRequestException or TimeoutException or System.Net.Sockets.SocketException)
                {
                    Console.Error.WriteLine($"{broker} {agents}: failed: {ex.Message}");
                    results.Add(new FanoutResult(broker, agents, TimeSpan.Zero, 0, [], LoadAverage.Read(), ex.Message));
                }

                Console.WriteLine(Row(results[^1]));
            }
        }

        Console.WriteLine();
        Console.WriteLine(Table(results, options));
        return results.Any(r => r.Error is not null) ? 1 : 0;
    }

    private static string Table(IReadOnlyList<FanoutResult> results, FleetFanoutOptions options)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{options.Rounds} measured desired versions per row after one warm-up; latency = desired publish (admin PUT sent) → report counted by the hub's intake; p50/p99 pooled over every report of every round; all N = median (worst) round; downlink = when the last agent took the new version; CPU = seconds of CPU per round (hub / swarm / mosquitto) from the PUT to the last report; both of the median round. Hub process GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}.")
            .AppendLine()
            .AppendLine("| broker | agents | connect (s) | p50 (ms) | p99 (ms) | all N (ms) | downlink (ms) | CPU s hub / swarm / mosquitto | reports received / expected | devices at version | load (1/5/15 min) |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---|");
        foreach (var result in results)
        {
            text.AppendLine(Row(result));
        }

        return text.ToString();
    }

    private static string Row(FanoutResult r)
    {
        if (r.Error is not null || r.Rounds.Count == 0)
        {
            return $"| {Name(r.Broker)} | {r.Agents:N0} | – | – | – | – | – | – | – | – | {r.Load} (failed: {r.Error}) |";
        }

        var all = r.Rounds.SelectMany(x => x.ReportMs).Order().ToArray();
        var lasts = r.Rounds.Select(x => x.ReportMs.Length == x.Expected && x.Expected > 0 ? x.ReportMs[^1] : double.PositiveInfinity).Order().ToArray();
        var received = r.Rounds.Sum(x => x.ReportMs.Length);
        var expected = r.Rounds.Sum(x => x.Expected);
        var median = r.Rounds.OrderBy(x => x.ReportMs.Length == x.Expected && x.Expected > 0 ? x.ReportMs[^1] : double.PositiveInfinity).ElementAt(r.Rounds.Count / 2);
        var atVersion = string.Join(" / ", r.Rounds.Select(x => x.DevicesAtVersion.ToString("N0", CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Name(r.Broker)} | {r.Agents:N0} | {r.ConnectTime.TotalSeconds:F1} | {Percentile(all, 0.50):F0} | {Percentile(all, 0.99):F0} | {Ms(lasts[lasts.Length / 2])} ({Ms(lasts[^1])}) | {median.Downlink.LastMs:F0} | {median.Cpu} | {received:N0} / {expected:N0} | {atVersion} | {r.Load} |");
    }

    private static string Ms(double value) => double.IsInfinity(value) ? "incomplete" : value.ToString("F0", CultureInfo.InvariantCulture);

    private static string Name(FanoutBroker broker) => broker == FanoutBroker.Embedded ? "embedded" : "mosquitto";

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
