using System.CommandLine;
using EdgeCloud.Cli;

namespace EdgeCloud.Fleet.Tests.Infrastructure;

/// <summary>Runs the <c>edgecloud</c> CLI in process, capturing its exit code, stdout and stderr.</summary>
internal static class CliRun
{
    /// <summary>Runs <paramref name="args"/> against <paramref name="fleet"/>'s hub with <paramref name="token"/> as the admin bearer token.</summary>
    public static Task<(int Code, string Output, string Error)> AgainstAsync(FleetEnvironment fleet, string token, params string[] args) =>
        RunAsync([.. args, "--hub", fleet.Hub.HttpAddress, "--token", token]);

    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}
