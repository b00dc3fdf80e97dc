using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EdgeCloud.Cli;
using EdgeCloud.Cli.Security;
using EdgeCloud.Fleet.Tests.Infrastructure;

namespace EdgeCloud.Fleet.Tests.Security;

/// <summary><c>edgecloud keys create|ls|revoke</c> and <c>edgecloud audit</c> in process against a real hub with security on.</summary>
public sealed partial class KeysCliTests
{
    [Fact]
    public async Task CreateListRevoke_TheNewKeyAuthenticatesUntilRevoked_AndTheAuditChainRecordsIt()
    {
        await using var fleet = await FleetEnvironment.StartAsync(BrokerKind.Embedded, SecureFleet.Setup([]));
        var admin = await SecureFleet.CreateAdminKeyAsync(fleet);

        var (code, output, error) = await CliRun.AgainstAsync(fleet, admin, "keys", "create", "--name", "ops-bot", "--role", "admin", "--role", "infer", "--expires-in", "30d");
        Assert.True(code == ExitCodes.Ok, error);
        var created = CreatedLine().Match(output);
        Assert.True(created.Success, output);
        var (id, key) = (created.Groups["id"].Value, KeyLine().Match(output).Groups["key"].Value);
        Assert.Contains("(ops-bot; roles admin,infer; expires 20", output, StringComparison.Ordinal);
        Assert.NotEqual("", key);

        (code, output, error) = await CliRun.AgainstAsync(fleet, key, "keys", "ls");
        Assert.True(code == ExitCodes.Ok, error);
        var row = output.Split('\n').Single(l => l.StartsWith(id, StringComparison.Ordinal));
        Assert.Contains("ops-bot", row, StringComparison.Ordinal);
        Assert.Contains("admin,infer", row, StringComparison.Ordinal);
        Assert.DoesNotContain(key, output, StringComparison.Ordinal);

        var keyFile = Path.Combine(fleet.Root, "cam-1.key");
        (code, output, error) = await CliRun.AgainstAsync(fleet, key, "keys", "create", "--name", "cam-1 events", "--role", "device", "--device", "cam-1", "--key-file", keyFile);
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("roles device for device cam-1; expires -)", output, StringComparison.Ordinal);
        var deviceKey = await File.ReadAllTextAsync(keyFile, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(deviceKey, output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        (code, output, error) = await CliRun.AgainstAsync(fleet, admin, "keys", "revoke", id);
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains($"revoked key {id}: it no longer authenticates", output, StringComparison.Ordinal);
        (code, _, error) = await CliRun.AgainstAsync(fleet, key, "keys", "ls");
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("401", error, StringComparison.Ordinal);

        (code, output, error) = await CliRun.AgainstAsync(fleet, admin, "audit");
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains($"key:{id}", output, StringComparison.Ordinal);
        Assert.Contains("key.create", output, StringComparison.Ordinal);
        Assert.Contains("key.revoke", output, StringComparison.Ordinal);
        Assert.Matches(@"chain verified: \d+ entries", output);

        (code, output, _) = await CliRun.AgainstAsync(fleet, admin, "audit", "--last", "1");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches(@"older not shown \(--last 0 shows all\)", output);
    }

    [Fact]
    public async Task BadInput_SaysWhatWasExpected_AndTheHubKeepsServing()
    {
        await using var fleet = await FleetEnvironment.StartAsync(BrokerKind.Embedded, SecureFleet.Setup([]));
        var admin = await SecureFleet.CreateAdminKeyAsync(fleet);

        var (code, _, error) = await CliRun.AgainstAsync(fleet, admin, "keys", "create", "--name", "x", "--role", "root");
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("400", error, StringComparison.Ordinal);
        Assert.Contains("roles must be one or more of infer, device, admin; got [root]", error, StringComparison.Ordinal);

        (code, _, error) = await CliRun.AgainstAsync(fleet, admin, "keys", "create", "--name", "x", "--role", "infer", "--expires-in", "5w");
        Assert.NotEqual(ExitCodes.Ok, code);
        Assert.Contains("--expires-in '5w' is not a lifetime such as 3600s, 90m, 12h or 30d", error, StringComparison.Ordinal);

        (code, _, error) = await CliRun.AgainstAsync(fleet, admin, "keys", "create", "--name", "x", "--role", "infer", "--device", "cam-1");
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("device binds a key with role 'device'", error, StringComparison.Ordinal);

        (code, _, error) = await CliRun.AgainstAsync(fleet, admin, "keys", "revoke", "no-such-key");
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("404", error, StringComparison.Ordinal);

        (code, _, error) = await CliRun.AgainstAsync(fleet, "eck_not_a_key", "audit");
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("401", error, StringComparison.Ordinal);

        // A key file that cannot be made fails before the hub makes a key nobody would hold.
        (code, _, error) = await CliRun.AgainstAsync(fleet, admin, "keys", "create", "--name", "orphan", "--role", "infer", "--key-file", "");
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("--key-file needs a file name", error, StringComparison.Ordinal);
        (code, _, error) = await CliRun.AgainstAsync(
            fleet, admin, "keys", "create", "--name", "orphan", "--role", "infer", "--key-file", Path.Combine(fleet.Root, "no-such-folder", "k.key"));
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("cannot create --key-file", error, StringComparison.Ordinal);

        (code, var output, error) = await CliRun.AgainstAsync(fleet, admin, "keys", "ls");
        Assert.True(code == ExitCodes.Ok, error);
        Assert.StartsWith("ID", output, StringComparison.Ordinal);
        Assert.DoesNotContain("orphan", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3600s", 3600)]
    [InlineData("90m", 5400)]
    [InlineData("12h", 43200)]
    [InlineData("30d", 2592000)]
    public void Lifetime_ParsesANumberAndAUnit(string text, long seconds)
    {
        Assert.True(Lifetime.TryParse(text, out var lifetime));
        Assert.Equal(seconds, (long)lifetime.TotalSeconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("d")]
    [InlineData("0d")]
    [InlineData("-5m")]
    [InlineData("1.5h")]
    [InlineData("12")]
    [InlineData("5w")]
    [InlineData("99999999999999d")]
    public void Lifetime_RefusesAnythingElse(string text) => Assert.False(Lifetime.TryParse(text, out _));

    [Fact]
    public async Task AuditText_ABrokenChain_SaysWhereItBreaks()
    {
        var report = JsonNode.Parse("""
            {"verified":false,"brokenAt":2,"entries":[
              {"sequence":1,"unixMs":1795000000000,"actor":"key:a","action":"key.create","target":"key:b","result":"201"},
              {"sequence":2,"unixMs":1795000001000,"actor":"key:a","action":"key.revoke","target":"key:b","result":"204"}]}
            """)!.AsObject();
        using var output = new StringWriter();

        await AuditReportText.WriteAsync(output, report, last: 0);

        var lines = output.ToString().TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("SEQ", lines[0], StringComparison.Ordinal);
        Assert.Contains("2026-11-18 11:06:40Z", lines[1], StringComparison.Ordinal);
        Assert.Equal("chain BROKEN at sequence 2 (2 entries)", lines[3].TrimEnd('\r'));
    }

    [GeneratedRegex(@"created key (?<id>\S+) \(")]
    private static partial Regex CreatedLine();

    [GeneratedRegex(@"key: (?<key>\S+)  \(shown once")]
    private static partial Regex KeyLine();
}
