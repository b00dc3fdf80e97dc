using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Durability;

/// <summary>
/// The real agent as a child process (<c>dotnet EdgeCloud.EdgeAgent.dll --Agent:…</c>) so a test can
/// SIGKILL it (<see cref="Kill"/>): nothing gets to flush or dispose.
/// </summary>
internal sealed class AgentProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AgentProcess(Process process, int httpPort)
    {
        _process = process;
        HttpPort = httpPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int HttpPort { get; }

    public HttpClient Http { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The agent's build output, next to this test assembly's: bin/EdgeCloud.EdgeAgent/{config}/EdgeCloud.EdgeAgent.dll.</summary>
    public static string AgentDll { get; } = Locate();

    /// <summary>Starts the agent and waits until <c>/v2/health/live</c> answers.</summary>
    public static async Task<AgentProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        var httpPort = TestUtilities.FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AgentDll);
        start.ArgumentList.Add($"--Agent:HttpPort={httpPort.ToString(CultureInfo.InvariantCulture)}");
        start.ArgumentList.Add($"--Agent:GrpcPort={TestUtilities.FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var agent = new AgentProcess(new Process { StartInfo = start }, httpPort);
        agent._process.OutputDataReceived += (_, e) => agent.Keep(e.Data);
        agent._process.ErrorDataReceived += (_, e) => agent.Keep(e.Data);
        agent._process.Start();
        agent._process.BeginOutputReadLine();
        agent._process.BeginErrorReadLine();
        await agent.WaitUntilLiveAsync(ct);
        return agent;
    }

    /// <summary>SIGKILL, at once, and waits for the process to be gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public string Output => string.Join(Environment.NewLine, _output);

    public void Dispose()
    {
        Kill();
        Http.Dispose();
        _process.Dispose();
    }

    private async Task WaitUntilLiveAsync(CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(_process.HasExited, $"the agent exited with {(_process.HasExited ? _process.ExitCode : 0)} while starting:{Environment.NewLine}{Output}");
            try
            {
                using var live = await Http.GetAsync("/v2/health/live", ct);
                if (live.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(50, ct);
        }

        Assert.Fail($"the agent did not answer /v2/health/live within 60 s:{Environment.NewLine}{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    private static string Locate()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var sibling = Path.Combine(here.Parent!.Parent!.FullName, "EdgeCloud.EdgeAgent", here.Name, "EdgeCloud.EdgeAgent.dll");
        if (File.Exists(sibling))
        {
            return sibling;
        }

        var copied = Path.Combine(here.FullName, "EdgeCloud.EdgeAgent.dll");
        return File.Exists(Path.Combine(here.FullName, "EdgeCloud.EdgeAgent.runtimeconfig.json"))
            ? copied
            : throw new InvalidOperationException($"Cannot find the agent build at {sibling}; build src/EdgeAgent first.");
    }
}
