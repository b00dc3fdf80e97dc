using EdgeCloud.Cli;
using EdgeCloud.Fleet.Tests.Infrastructure;
using MQTTnet;

namespace EdgeCloud.Fleet.Tests.Security;

/// <summary><c>edgecloud devices enroll|revoke</c> in process against a real hub with security on, with an admin API key as the bearer token.</summary>
public sealed class DevicesCliTests
{
    [Fact]
    public async Task EnrollAndRevoke_AgainstASecureHub_SecretWorksUntilRevoked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fleet = await FleetEnvironment.StartAsync(BrokerKind.Embedded, SecureFleet.Setup([]));
        var token = await SecureFleet.CreateAdminKeyAsync(fleet);

        var (code, _, error) = await RunAsync("devices", "enroll", "dev-x", "--hub", fleet.Hub.HttpAddress, "--token", "eck_not_a_key");
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("401", error, StringComparison.Ordinal);

        var secretFile = Path.Combine(fleet.Root, "dev-x.secret");
        (code, var output, error) = await RunAsync(fleet, token, "devices", "enroll", "dev-x", "--group", "edge", "--group", "lab", "--secret-file", secretFile);
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("enrolled dev-x (fleet ", output, StringComparison.Ordinal);
        Assert.Contains("groups edge,lab", output, StringComparison.Ordinal);
        var secret = await File.ReadAllTextAsync(secretFile, ct);
        Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
        }

        (code, output, error) = await RunAsync(fleet, token, "devices", "enroll", "dev-y");
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Matches(@"secret: [A-Za-z0-9_-]{43}\s", output);

        var (client, options) = fleet.RawClient("dev-x", secret);
        using var clientScope = client;
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DisconnectedAsync += args =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        Assert.Equal(MqttClientConnectResultCode.Success, (await client.ConnectAsync(options, ct)).ResultCode);

        (code, output, error) = await RunAsync(fleet, token, "devices", "revoke", "dev-x");
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("revoked dev-x: its secret no longer works; its live MQTT session was closed", output, StringComparison.Ordinal);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        var (again, againOptions) = fleet.RawClient("dev-x", secret);
        using var againScope = again;
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, (await again.ConnectAsync(againOptions, ct)).ResultCode);

        (code, _, error) = await RunAsync(fleet, token, "devices", "revoke", "no-such-device");
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("404", error, StringComparison.Ordinal);
        Assert.Contains("not registered", error, StringComparison.Ordinal);
        (code, _, error) = await RunAsync(fleet, token, "devices", "enroll", "dev-z", "--secret-file", secretFile);
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Output, string Error)> RunAsync(FleetEnvironment fleet, string token, params string[] args) =>
        CliRun.AgainstAsync(fleet, token, args);

    private static Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => CliRun.RunAsync(args);
}
