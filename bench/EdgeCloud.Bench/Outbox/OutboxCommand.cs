using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using EdgeCloud.EdgeAgent;
using EdgeCloud.EdgeAgent.Cloud;
using EdgeCloud.EdgeAgent.Outbox;
using EdgeCloud.EdgeAgent.Storage;
using EdgeCloud.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeCloud.Bench.Outbox;

/// <summary>
/// <c>outbox</c>: durable acknowledged appends per second and acknowledge latency at 1, 8 and 64
/// producers through <see cref="SqliteOutbox"/> (in process) and through <c>POST /edgecloud/v1/events</c>
/// (an in-process agent over loopback HTTP), then the drain rate to an in-process hub over gRPC.
/// </summary>
internal static class OutboxCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        OutboxBenchOptions options;
        try
        {
            options = OutboxBenchOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(OutboxBenchOptions.Help);
            return 2;
        }

        var work = Directory.CreateDirectory(Path.Combine(options.WorkDir ?? Path.GetTempPath(), $"edgecloud-bench-outbox-{Guid.NewGuid():N}")).FullName;
        try
        {
            var payload = Payload(options.PayloadBytes);
            var results = new List<OutboxStepResult>();
            foreach (var producers in options.Producers)
            {
                results.Add(await InProcessAsync(Path.Combine(work, $"inproc-{producers}"), producers, payload, options));
                Console.Error.WriteLine(Row(results[^1]));
                results.Add(await RestAsync(Path.Combine(work, $"rest-{producers}"), producers, payload, options));
                Console.Error.WriteLine(Row(results[^1]));
            }

            var drain = await DrainAsync(Path.Combine(work, "drain"), payload, options);
            Console.WriteLine(Report(results, drain, options));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<OutboxStepResult> InProcessAsync(string dir, int producers, byte[] payload, OutboxBenchOptions options)
    {
        await using var database = EdgeDatabase.Open(new EdgeStorageOptions { DataDir = dir }, TimeProvider.System, NullLogger<EdgeDatabase>.Instance);
        await using var outbox = NewOutbox(database);
        var entry = new OutboxEntry(null, OutboxKinds.Telemetry, "bench.tick", payload);
        return await ProducerLoop.RunAsync("in-process `AppendAsync`", producers, options.Warmup, options.Duration,
            async (_, ct) => await outbox.AppendAsync(entry, ct), CancellationToken.None);
    }

    private static async Task<OutboxStepResult> RestAsync(string dir, int producers, byte[] payload, OutboxBenchOptions options)
    {
        var (agent, address) = await OutboxRigs.StartAgentAsync(dir);
        await using var _ = new StoppingApp(agent);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = producers }) { BaseAddress = address };
        var body = Encoding.UTF8.GetBytes($"{{\"type\":\"bench.tick\",\"kind\":\"telemetry\",\"payload\":{Encoding.UTF8.GetString(payload)}}}");
        return await ProducerLoop.RunAsync("REST `POST /edgecloud/v1/events`", producers, options.Warmup, options.Duration, async (_, ct) =>
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await http.PostAsync("/edgecloud/v1/events", content, ct);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"the agent answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }
        }, CancellationToken.None);
    }

    private static async Task<(long Events, TimeSpan Elapsed)> DrainAsync(string dir, byte[] payload, OutboxBenchOptions options)
    {
        await using var database = EdgeDatabase.Open(new EdgeStorageOptions { DataDir = dir }, TimeProvider.System, NullLogger<EdgeDatabase>.Instance);
        await using var outbox = NewOutbox(database);
        var entry = new OutboxEntry(null, OutboxKinds.Telemetry, "bench.tick", payload);
        var left = options.DrainEvents;
        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                await outbox.AppendAsync(entry, CancellationToken.None);
            }
        })));

        var (hub, grpcAddress) = await OutboxRigs.StartHubAsync(dir);
        await using var _ = new StoppingApp(hub);
        var agentOptions = Options.Create(new AgentOptions { DeviceId = "bench", Cloud = new CloudLinkOptions { Endpoint = grpcAddress } });
        using var cloud = new CloudClient(agentOptions, TimeProvider.System, new BenchRandom(), NullLogger<CloudClient>.Instance);
        var publisher = new GrpcEventPublisher(cloud, agentOptions, Options.Create(outbox.Options));
        using var drainer = new OutboxDrainer(outbox, publisher, new HubReachability(), new BenchRandom(), TimeProvider.System, NullLogger<OutboxDrainer>.Instance);
        var queued = outbox.Stats.PendingEvents;
        var clock = Stopwatch.StartNew();
        while (outbox.Stats.PendingEvents > 0)
        {
            if ((await drainer.StepAsync(CancellationToken.None)).Backoff is { } backoff)
            {
                throw new InvalidOperationException($"the drain failed ({drainer.LastError}); it would back off {backoff}");
            }
        }

        return (queued, clock.Elapsed);
    }

    private static SqliteOutbox NewOutbox(EdgeDatabase database) =>
        new(database, Options.Create(new OutboxOptions { MaxBytes = 8L << 30 }), TimeProvider.System, NullLogger<SqliteOutbox>.Instance);

    private static byte[] Payload(int bytes)
    {
        var filler = Math.Max(0, bytes - "{\"v\":\"\"}".Length);
        return Encoding.UTF8.GetBytes($"{{\"v\":\"{new string('x', filler)}\"}}");
    }

    private static string Row(OutboxStepResult r) => string.Create(CultureInfo.InvariantCulture,
        $"| {r.Path} | {r.Producers} | {r.Events} | {r.PerSecond:N0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {r.MaxMs:0.0} |");

    private static string Report(List<OutboxStepResult> results, (long Events, TimeSpan Elapsed) drain, OutboxBenchOptions options)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, load average {LoadAverage()}, {options.Duration.TotalSeconds:0} s per step after {options.Warmup.TotalSeconds:0} s warm-up, {options.PayloadBytes}-byte payloads, WAL + synchronous=FULL, UUIDv7 ids");
        text.AppendLine();
        text.AppendLine("| path | producers | acknowledged events | events/s | ack p50 ms | ack p99 ms | max ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(Row(r));
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Drain to an in-process hub over gRPC (batches of {new OutboxOptions().DrainBatchSize}, hub stores with synchronous=FULL): {drain.Events} events in {drain.Elapsed.TotalSeconds:0.00} s = {drain.Events / drain.Elapsed.TotalSeconds:N0} events/s");
        return text.ToString();
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private sealed class BenchRandom : IRandomSource
    {
        public int Next(int maxExclusive) => Random.Shared.Next(maxExclusive);

        public double NextDouble() => Random.Shared.NextDouble();
    }
}
