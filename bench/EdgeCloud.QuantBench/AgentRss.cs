using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCloud.Quantization.Publishing;

namespace EdgeCloud.QuantBench;

/// <summary>
/// Starts the EdgeAgent as a child process with only MiniLM in its repository (once with an int8 variant
/// preferred on cpu, once fp32 only), sends 20 uncached requests, and reads VmRSS/VmHWM from /proc/PID/status.
/// </summary>
internal static class AgentRss
{
    public static async Task ReportAsync(QuantBenchOptions options, string int8Model)
    {
        if (options.AgentDll is null)
        {
            Console.WriteLine("agent RSS: skipped: EdgeCloud.EdgeAgent.dll not found; build it with");
            Console.WriteLine("  dotnet build src/EdgeAgent -c Release --artifacts-path <same as the bench> (or pass --agent DLL)");
            return;
        }

        Console.WriteLine("| agent with only minilm | variant served | VmRSS | VmHWM (peak) |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var withInt8 in new[] { true, false })
        {
            var repo = Repository(options, int8Model, withInt8);
            var (variant, rss, hwm) = await MeasureAsync(options.AgentDll, repo, Path.Combine(options.WorkDirectory, withInt8 ? "data-int8" : "data-fp32"));
            Console.WriteLine($"| {(withInt8 ? "fp32 + int8 (prefer_on cpu)" : "fp32 only")} | {variant} | {rss / 1024.0:F0} MB | {hwm / 1024.0:F0} MB |");
        }
    }

    private static string Repository(QuantBenchOptions options, string int8Model, bool withInt8)
    {
        var repo = Path.Combine(options.WorkDirectory, withInt8 ? "repo-int8" : "repo-fp32");
        var model = Path.Combine(repo, "minilm");
        Directory.CreateDirectory(Path.Combine(model, "1"));
        var source = Path.Combine(options.Models, "repo", "minilm");
        File.Copy(Path.Combine(source, "config.json"), Path.Combine(model, "config.json"), overwrite: true);
        File.Copy(Path.Combine(source, "vocab.txt"), Path.Combine(model, "vocab.txt"), overwrite: true);
        File.Copy(Path.Combine(source, "1", "model.onnx"), Path.Combine(model, "1", "model.onnx"), overwrite: true);
        if (withInt8)
        {
            File.Copy(int8Model, Path.Combine(model, "1", "model.int8.onnx"), overwrite: true);
            ConfigVariants.AddVariant(Path.Combine(model, "config.json"), "int8", "model.int8.onnx", "int8", ["cpu"]);
        }

        return repo;
    }

    private static async Task<(string Variant, long RssKb, long HwmKb)> MeasureAsync(string agentDll, string repo, string dataDir)
    {
        var httpPort = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                agentDll, $"--Agent:ModelRepository={repo}", $"--Agent:DataDir={dataDir}", $"--Agent:GrpcPort={FreePort()}",
                $"--Agent:HttpPort={httpPort}", "--Logging:LogLevel:Default=Warning",
            },
        };
        using var agent = Process.Start(start) ?? throw new InvalidOperationException("could not start the agent");
        var log = new StringBuilder();
        agent.OutputDataReceived += (_, e) => log.AppendLine(e.Data);
        agent.ErrorDataReceived += (_, e) => log.AppendLine(e.Data);
        agent.BeginOutputReadLine();
        agent.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitReadyAsync(http, agent, log);
            var variant = "";
            for (var i = 0; i < 20; i++)
            {
                variant = await InferAsync(http, i);
            }

            var (rss, hwm) = Status(agent.Id);
            return (variant, rss, hwm);
        }
        finally
        {
            agent.Kill(entireProcessTree: true);
            await agent.WaitForExitAsync();
        }
    }

    private static async Task WaitReadyAsync(HttpClient http, Process agent, StringBuilder log)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 120);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (agent.HasExited)
            {
                throw new InvalidOperationException($"the agent exited with {agent.ExitCode}:\n{Tail(log)}");
            }

            try
            {
                if ((await http.GetAsync("/v2/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"the agent was not ready in 120 s:\n{Tail(log)}");
    }

    private static async Task<string> InferAsync(HttpClient http, int seed)
    {
        var ids = new long[128];
        var mask = new long[128];
        ids[0] = 101;
        for (var t = 1; t < 12; t++)
        {
            ids[t] = 2000 + ((seed * 31) + (t * 17)) % 5000;
        }

        ids[12] = 102;
        for (var t = 0; t <= 12; t++)
        {
            mask[t] = 1;
        }

        var body = new JsonObject
        {
            ["inputs"] = new JsonArray(Tensor("input_ids", ids), Tensor("attention_mask", mask), Tensor("token_type_ids", new long[128])),
            ["parameters"] = new JsonObject { ["edgecloud.cache"] = false, ["edgecloud.route"] = "local" },
        };
        using var response = await http.PostAsync("/v2/models/minilm/infer", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"infer answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)?["parameters"]?["edgecloud.variant"]?.ToString() ?? "(not reported)";
    }

    private static string Tail(StringBuilder log) => log.Length <= 2000 ? log.ToString() : "…" + log.ToString(log.Length - 2000, 2000);

    private static JsonObject Tensor(string name, long[] values) => new()
    {
        ["name"] = name,
        ["shape"] = new JsonArray(1, values.Length),
        ["datatype"] = "INT64",
        ["data"] = new JsonArray([.. values.Select(v => (JsonNode)v)]),
    };

    private static (long RssKb, long HwmKb) Status(int pid)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return (0, 0);
        }

        var lines = File.ReadAllLines($"/proc/{pid}/status");
        long Field(string key) => long.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (Field("VmRSS:"), Field("VmHWM:"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
