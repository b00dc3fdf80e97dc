using System.Diagnostics;
using System.Globalization;
using EdgeCloud.TestUtilities;

namespace EdgeCloud.Fleet.Tests.Infrastructure;

/// <summary>
/// A real EdgeAgent as a child process (<c>dotnet EdgeCloud.EdgeAgent.dll --Agent:…</c>, the build next to
/// this test assembly's), so a test can end it with SIGKILL and see what the broker does about it.
/// </summary>
public sealed class AgentProcess : IDisposable
{
    private readonly Process _process;

    private AgentProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public static AgentProcess Start(FleetEnvironment fleet, string deviceId)
    {
        var dll = AgentDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Agent:DeviceId"] = deviceId,
            ["Agent:GrpcPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Agent:HttpPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Agent:DataDir"] = Path.Combine(fleet.Root, "agent-process-" + deviceId),
            ["Agent:ModelRepository"] = "",
            ["Agent:Cloud:Endpoint"] = "",
            ["Agent:Mqtt:Host"] = "127.0.0.1",
            ["Agent:Mqtt:Port"] = fleet.MqttPort.ToString(CultureInfo.InvariantCulture),
            ["Agent:Mqtt:Password"] = fleet.Secrets[deviceId],
            ["Agent:Mqtt:DownloadEndpoint"] = fleet.Hub.GrpcAddress,
            ["Logging:LogLevel:Default"] = "Warning",
        })
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start 'dotnet {dll}'");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AgentProcess(process);
    }

    /// <summary>SIGKILL: no goodbye, no clean MQTT DISCONNECT; the kernel closes the socket.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    /// <summary>
    /// The agent's build: bin/EdgeCloud.EdgeAgent/{config}/ beside this test assembly's folder, or in an artifacts
    /// folder above it (src/ projects build to the repository's artifacts/, tests/ to tests/artifacts/).
    /// </summary>
    private static string AgentDll()
    {
        var testDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var relative = Path.Combine("EdgeCloud.EdgeAgent", testDir.Name, "EdgeCloud.EdgeAgent.dll");
        var sibling = Path.Combine(testDir.Parent!.Parent!.FullName, relative);
        var candidates = new List<string> { sibling };
        for (var dir = testDir.Parent; dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "artifacts", "bin", relative));
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"the agent build is missing at {sibling}: build src/EdgeAgent with the same --artifacts-path and configuration");
    }
}
