using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using EdgeCloud.CloudHub.Fleet;
using EdgeCloud.EdgeAgent.Fleet;
using EdgeCloud.Shared.Fleet;
using EdgeCloud.TestUtilities;
using EdgeCloud.TestUtilities.Fuzzing;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCloud.Bench.Fuzz;

/// <summary>
/// <c>fuzz</c>: a real hub (embedded broker, ocr-cls loaded) and a real agent linked to it, in this process. Mutated
/// ModelInferRequests go to both (half each) and must be answered within the bound with a clear code and message
/// (never INTERNAL/UNKNOWN); an enrolled device publishes hostile payloads to the broker and the operator sends more
/// to the agent, and each must be refused and counted by the receiver's counters. RSS before and after; exit 1 on any finding.
/// </summary>
internal static class FuzzCommand
{
    private const string Fleet = "default";
    private const string OperatorUser = "hub"; // FleetIdentities.Operator: the login that Hub:Fleet:OperatorPassword opens
    private const string OperatorPassword = "fuzz-operator-password";

    public static async Task<int> RunAsync(string[] args)
    {
        FuzzOptions options;
        try
        {
            options = FuzzOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var ct = CancellationToken.None;
        var root = Directory.CreateTempSubdirectory("edgecloud-fuzz-bench-").FullName;
        var repository = Path.Combine(root, "repo");
        TestModels.CopyModel("ocr-cls", repository);
        var mqttPort = FreePort.Next();
        var quiet = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" };
        await using var hub = await InProcessHub.StartAsync(repository, ["ocr-cls"], new Dictionary<string, string?>(quiet)
        {
            ["Hub:DataDir"] = Path.Combine(root, "hub-data"),
            ["Hub:Mqtt:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["Hub:Fleet:OperatorPassword"] = OperatorPassword,
        });
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in new[] { "fuzz-device", "fuzz-agent", "fuzz-other" })
        {
            secrets[id] = $"secret-{id}-{Guid.NewGuid():N}";
            using var enrolled = await hub.Http.PostAsJsonAsync("/admin/v1/devices", new ProvisionRequest(id, null, ["edge"], secrets[id]), ct);
            enrolled.EnsureSuccessStatusCode();
        }

        await using var agent = await InProcessAgent.StartAsync(Path.Combine(root, "agent"), repository, hub.GrpcAddress, new Dictionary<string, string?>(quiet)
        {
            ["Agent:DeviceId"] = "fuzz-agent",
            ["Agent:Mqtt:Host"] = "127.0.0.1",
            ["Agent:Mqtt:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["Agent:Mqtt:Password"] = secrets["fuzz-agent"],
            ["Agent:Mqtt:DownloadEndpoint"] = hub.GrpcAddress,
        });
        await WaitForAgentAsync(hub.Http, TimeSpan.FromSeconds(60));

        var valid = await InferSeed.ValidRequestAsync(hub.Client, "ocr-cls", ct);
        await hub.Client.ModelInferAsync(valid, cancellationToken: ct);
        await agent.Client.ModelInferAsync(valid, cancellationToken: ct);
        var rssBefore = Rss();

        var onHub = await InferFuzz.RunAsync(hub.Client, valid, options.Count / 2, options.Seed, options, ct);
        var onAgent = await InferFuzz.RunAsync(agent.Client, valid, options.Count - (options.Count / 2), options.Seed + 1, options, ct);
        var restOnHub = await RestFuzz.RunAsync(hub.Http, valid, options.RestCount / 2, options.Seed + 2, options, ct);
        var restOnAgent = await RestFuzz.RunAsync(agent.Http, valid, options.RestCount - (options.RestCount / 2), options.Seed + 3, options, ct);
        var rssAfterInfer = Rss();

        var hubCounters = hub.Services.GetRequiredService<FleetCounters>();
        var agentCounters = agent.Services.GetRequiredService<FleetAgentCounters>();
        var hubBefore = Rejected(hubCounters.RejectedCount);
        var fromDevice = new FleetPayloadMutator(Fleet, "fuzz-device", "fuzz-other", 300 * 1024, options.Seed);
        var deviceRun = await MqttFuzz.PublishAsync(
            "127.0.0.1", mqttPort, "fuzz-device", secrets["fuzz-device"], "fuzz-device", options.MqttCount, fromDevice.NextFromDevice, expectRefusal: true, options.Bound, ct);
        var hubCounted = Rejected(hubCounters.RejectedCount) - hubBefore;

        var agentCount = Math.Max(1, options.MqttCount / 10);
        var agentBefore = Rejected(agentCounters.RejectedCount);
        var toAgent = new FleetPayloadMutator(Fleet, "fuzz-agent", "fuzz-other", 300 * 1024, options.Seed + 7);
        var operatorRun = await MqttFuzz.PublishAsync(
            "127.0.0.1", mqttPort, OperatorUser, OperatorPassword, "fuzz-operator", agentCount, toAgent.NextToAgent, expectRefusal: false, options.Bound, ct);
        var agentCounted = await WaitForCountAsync(() => Rejected(agentCounters.RejectedCount) - agentBefore, agentCount, TimeSpan.FromSeconds(120));
        var rssAfter = Rss();

        var live = (await hub.Client.ServerLiveAsync(new EdgeCloud.Protocol.ServerLiveRequest(), cancellationToken: ct)).Live
            && (await agent.Client.ServerLiveAsync(new EdgeCloud.Protocol.ServerLiveRequest(), cancellationToken: ct)).Live;
        var served = (await agent.Client.ModelInferAsync(valid, cancellationToken: ct)).ModelName == "ocr-cls";

        var findings = onHub.Findings.Concat(onAgent.Findings).Concat(restOnHub.Findings).Concat(restOnAgent.Findings)
            .Concat(deviceRun.Findings).Concat(operatorRun.Findings).ToList();
        var refused = deviceRun.Acks.Where(a => a.Key != "Success").Sum(a => a.Value);
        if (hubCounted != refused)
        {
            findings.Add($"the hub counted {hubCounted} rejections for {refused} refused publishes");
        }

        if (agentCounted != agentCount)
        {
            findings.Add($"the agent counted {agentCounted} rejections for {agentCount} hostile payloads");
        }

        if (!live || !served)
        {
            findings.Add("hub or agent stopped serving after the run");
        }

        Report(options, (onHub, onAgent, restOnHub, restOnAgent), deviceRun, operatorRun, hubCounted, agentCounted, agentCount, hubCounters, agentCounters, rssBefore, rssAfterInfer, rssAfter, findings);
        return findings.Count == 0 ? 0 : 1;
    }

    private static void Report(
        FuzzOptions options, (InferFuzzResult Hub, InferFuzzResult Agent, RestFuzzResult RestHub, RestFuzzResult RestAgent) infer, MqttFuzzResult deviceRun, MqttFuzzResult operatorRun, long hubCounted, long agentCounted, int agentCount,
        FleetCounters hubCounters, FleetAgentCounters agentCounters, long rssBefore, long rssAfterInfer, long rssAfter, List<string> findings)
    {
        static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        static string Mib(long bytes) => (bytes / (1024.0 * 1024)).ToString("0", CultureInfo.InvariantCulture);
        static string Reasons(Func<FleetRejectReason, long> count) => string.Join(", ", Enum.GetValues<FleetRejectReason>().Select(r => $"{r}={count(r)}"));
        Console.WriteLine($"## fuzz: --count {options.Count} --rest-count {options.RestCount} --mqtt-count {options.MqttCount} --seed {options.Seed} --concurrency {options.Concurrency} (bound {options.Bound.TotalSeconds:0} s per call)");
        Console.WriteLine();
        Console.WriteLine("| target | cases | answers | slowest ms | elapsed s |");
        Console.WriteLine("|---|---:|---|---:|---:|");
        Console.WriteLine($"| ModelInfer → hub | {infer.Hub.Total} | {infer.Hub.Summary} | {Ms(infer.Hub.Slowest)} | {infer.Hub.Elapsed.TotalSeconds:0} |");
        Console.WriteLine($"| ModelInfer → agent | {infer.Agent.Total} | {infer.Agent.Summary} | {Ms(infer.Agent.Slowest)} | {infer.Agent.Elapsed.TotalSeconds:0} |");
        Console.WriteLine($"| REST binary body → hub | {infer.RestHub.Total} | HTTP {infer.RestHub.Summary} | {Ms(infer.RestHub.Slowest)} | {infer.RestHub.Elapsed.TotalSeconds:0} |");
        Console.WriteLine($"| REST binary body → agent | {infer.RestAgent.Total} | HTTP {infer.RestAgent.Summary} | {Ms(infer.RestAgent.Slowest)} | {infer.RestAgent.Elapsed.TotalSeconds:0} |");
        Console.WriteLine($"| MQTT device → hub | {deviceRun.Kinds.Values.Sum()} | PUBACK {string.Join(", ", deviceRun.Acks.Select(a => $"{a.Key}={a.Value}"))}; hub counted {hubCounted} | {Ms(deviceRun.Slowest)} | {deviceRun.Elapsed.TotalSeconds:0} |");
        Console.WriteLine($"| MQTT operator → agent | {operatorRun.Kinds.Values.Sum()} | agent counted {agentCounted} of {agentCount} | {Ms(operatorRun.Slowest)} | {operatorRun.Elapsed.TotalSeconds:0} |");
        Console.WriteLine();
        Console.WriteLine($"device payload kinds: {string.Join(", ", deviceRun.Kinds.Select(k => $"{k.Key}={k.Value}"))}");
        Console.WriteLine($"hub counters: {Reasons(hubCounters.RejectedCount)}; agent counters: {Reasons(agentCounters.RejectedCount)}");
        Console.WriteLine($"RSS (hub + agent + bench, one process): {Mib(rssBefore)} MiB before, {Mib(rssAfterInfer)} MiB after ModelInfer, {Mib(rssAfter)} MiB after MQTT");
        Console.WriteLine($"findings: {findings.Count}");
        foreach (var finding in findings.Take(50))
        {
            Console.WriteLine($"- {finding}");
        }
    }

    private static long Rejected(Func<FleetRejectReason, long> count) => Enum.GetValues<FleetRejectReason>().Sum(count);

    private static long Rss()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>Waits until the hub's admin API shows the agent online with a first report.</summary>
    private static async Task WaitForAgentAsync(HttpClient http, TimeSpan limit)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var device = await http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/admin/v1/devices/fuzz-agent");
            if (device?["device"]?["online"]?.GetValue<bool>() == true && device["device"]?["reported"] is System.Text.Json.Nodes.JsonObject)
            {
                return;
            }

            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"the agent did not come online within {limit}: {device}");
            }

            await Task.Delay(100);
        }
    }

    private static async Task<long> WaitForCountAsync(Func<long> count, long expected, TimeSpan limit)
    {
        var started = Stopwatch.GetTimestamp();
        while (count() < expected && Stopwatch.GetElapsedTime(started) < limit)
        {
            await Task.Delay(100);
        }

        return count();
    }
}
