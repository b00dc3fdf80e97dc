using EdgeCloud.Cli;
using EdgeCloud.Cli.Fleet;
using EdgeCloud.CloudHub.Fleet;
using EdgeCloud.Fleet.Tests.Infrastructure;
using EdgeCloud.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCloud.Fleet.Tests;

/// <summary>The <c>edgecloud</c> fleet commands, run in process against a real hub's admin API with a bearer token.</summary>
public sealed class CliTests
{
    private const string Token = "admin-token-for-cli-tests";

    [Fact]
    public async Task FleetModelsConfigAndRolloutCommands_WorkAgainstARealHub()
    {
        var setup = new HubSetup([], new Dictionary<string, string?> { ["Hub:Fleet:AdminToken"] = Token });
        await using var fleet = await FleetEnvironment.StartAsync(BrokerKind.Embedded, setup, ("dev-a", ["edge"]), ("dev-b", ["edge"]));
        await fleet.StartAgentAsync("dev-a", ["edge"]);
        await fleet.WaitForDeviceAsync("dev-a", d => d.Online && d.Reported is not null);

        var (code, output, error) = await RunAsync("fleet", "ls", "--hub", fleet.Hub.HttpAddress, "--token", "wrong");
        Assert.Equal(ExitCodes.Failed, code);
        Assert.True(error.Contains("401", StringComparison.Ordinal), error);

        (code, output, error) = await RunAsync(fleet, "fleet", "ls");
        Assert.Equal(ExitCodes.Ok, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^dev-a\s+online\s+\d+\s+edge", lines[1]);
        Assert.Matches(@"^dev-b\s+offline\s+-1\s+edge", lines[2]);

        (code, output, _) = await RunAsync(fleet, "fleet", "show", "dev-a");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("\"id\": \"dev-a\"", output, StringComparison.Ordinal);
        (code, _, error) = await RunAsync(fleet, "fleet", "show", "no-such-device");
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("404", error, StringComparison.Ordinal);
        Assert.Contains("not registered", error, StringComparison.Ordinal);

        // models publish: every file of the folder with a progress bar, then the manifest; models ls lists it.
        var version = Path.Combine(fleet.Root, "publish", "silero-vad", "2");
        Directory.CreateDirectory(version);
        File.Copy(TestModels.ModelFile("silero-vad"), Path.Combine(version, "model.onnx"));
        (code, output, error) = await RunAsync(
            fleet, "models", "publish", "--name", "silero-vad", "--version", "2", "--dir", version, "--config", Path.Combine(TestModels.Repository, "silero-vad", "config.json"));
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("model.onnx [##############################] 100%", output, StringComparison.Ordinal);
        Assert.Contains("published silero-vad@2", output, StringComparison.Ordinal);
        (code, output, _) = await RunAsync(fleet, "models", "ls");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches(@"silero-vad\s+2\s+edge\s+fp32\s+2\.3 MB", output);

        // config set: a merge patch the agent applies hot.
        (code, output, error) = await RunAsync(fleet, "config", "set", "--device", "dev-a", "Routing:ConfidenceThreshold=0.75");
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("devices/dev-a: desired version 1", output, StringComparison.Ordinal);
        await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Applied.GetValueOrDefault("device") == 1);
        (code, _, error) = await RunAsync(fleet, "config", "set", "--device", "dev-a", "--group", "edge", "Routing:ConfidenceThreshold=0.75");
        Assert.NotEqual(ExitCodes.Ok, code);
        Assert.Contains("exactly one of --device or --group", error, StringComparison.Ordinal);

        // rollout create / status / abort: dev-b has no agent, so the canary wave waits until the operator aborts.
        (code, output, error) = await RunAsync(fleet, "rollout", "create", "--group", "edge", "--set", "Routing:ConfidenceThreshold=0.6", "--canary", "100", "--wave-timeout", "01:00:00");
        Assert.True(code == ExitCodes.Ok, error);
        var id = output.Split(' ')[1];
        (code, output, _) = await RunAsync(fleet, "rollout", "status", id);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains(id, output, StringComparison.Ordinal);
        (code, output, error) = await RunAsync(fleet, "rollout", "abort", id);
        Assert.True(code == ExitCodes.Ok, error);
        await fleet.Hub.Services.GetRequiredService<RolloutManager>().WhenFinished(id).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        (code, output, _) = await RunAsync(fleet, "rollout", "status");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches($@"{id}\s+edge\s+config\s+rolled-back\s+1/\d+\s+\d+\s+\S*\s*aborted by the operator", output);
    }

    [Fact]
    public void UploadProgressBar_ShowsFractionAndSize()
    {
        Assert.Equal("[###############---------------]  50% 1.0/2.0 MB", UploadProgress.Bar(1_000_000, 2_000_000));
        Assert.Equal("[------------------------------]   0% 0.0/2.0 MB", UploadProgress.Bar(0, 2_000_000));
    }

    [Fact]
    public void ConfigPatch_NestsKeysAndKeepsJsonTypes()
    {
        var patch = ConfigPatch.Parse(["Routing:ConfidenceThreshold=0.8", "Logging:LogLevel:Default=Debug", "Cache:Enabled=false", "Cloud:Endpoint=null"]);

        Assert.Equal("""{"Routing":{"ConfidenceThreshold":0.8},"Logging":{"LogLevel":{"Default":"Debug"}},"Cache":{"Enabled":false},"Cloud":{"Endpoint":null}}""", patch.ToJsonString());
        Assert.Throws<FormatException>(() => ConfigPatch.Parse(["NoSection=1"]));
    }

    private static Task<(int Code, string Output, string Error)> RunAsync(FleetEnvironment fleet, params string[] args) =>
        CliRun.AgainstAsync(fleet, Token, args);

    private static Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => CliRun.RunAsync(args);
}
