using EdgeCloud.Bench.Hosting;
using EdgeCloud.Bench.Measurement;
using EdgeCloud.Bench.Reporting;
using EdgeCloud.Bench.Workloads;

namespace EdgeCloud.Bench.HubOverhead;

/// <summary>
/// <c>hub-overhead</c>: starts the CloudHub as a child process and measures, per model, how much
/// latency it adds over running the same model in process, over gRPC and REST, one request at a time.
/// </summary>
internal static class HubOverheadCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            Console.Out.WriteLine(HubOverheadOptions.Help);
            return 0;
        }

        HubOverheadOptions options;
        try
        {
            options = HubOverheadOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(HubOverheadOptions.Help);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var root = RepoLayout.FindRoot();
        var repository = options.ModelRepository ?? (root is null ? null : Path.Combine(root, "models", "repo"));
        var hubDll = options.HubDll ?? RepoLayout.HubDllCandidates(root).FirstOrDefault(File.Exists);
        if (repository is null || !Directory.Exists(repository) || hubDll is null)
        {
            Console.Error.WriteLine(
                $"need the model repository (found: {repository ?? "none"}; run scripts/fetch-models.sh or pass --model-repository) " +
                $"and a Release CloudHub build (found: {hubDll ?? "none"}; 'dotnet build src/CloudHub -c Release' or pass --hub-dll)");
            return 2;
        }

        try
        {
            var run = await MeasureAsync(options, repository, hubDll, cancel.Token);
            var report = MarkdownReport.Write(run);
            Console.Out.Write(report);
            if (options.OutFile is { } file)
            {
                await File.WriteAllTextAsync(file, report, cancel.Token);
                Console.Error.WriteLine($"report written to {file}");
            }

            return 0;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("cancelled");
            return 130;
        }
    }

    private static async Task<HubOverheadRun> MeasureAsync(HubOverheadOptions options, string repository, string hubDll, CancellationToken cancellationToken)
    {
        var progress = Console.Error;
        var started = TimeProvider.System.GetUtcNow();
        var launch = new HubLaunch(
            options.DotnetHost, hubDll, repository, options.Models, options.IntraOpThreads, options.InterOpThreads, options.HubEnvironment, TimeSpan.FromMinutes(3));
        progress.WriteLine($"starting the hub: {hubDll}");
        await using var hub = await HubProcess.StartAsync(launch, cancellationToken);
        progress.WriteLine($"hub ready (pid {hub.ProcessId}, gRPC {hub.GrpcAddress}, HTTP {hub.HttpAddress})");
        using var clients = new HubClients(hub.GrpcAddress, hub.HttpAddress);
        var runner = new InterleavedRunner(progress);
        var cpuMeter = new CpuCostMeter(hub.ProcessId, new HubMetricsScraper(clients.Http, clients.MetricsUri));
        var runs = new List<ModelRun>();
        foreach (var model in options.Models)
        {
            var workload = BenchWorkloads.For(model);
            await using var bare = options.BareReference && BareGrpcProcess.DllBesideBench() is { } bareDll
                ? await BareGrpcProcess.StartAsync(
                    options.DotnetHost, bareDll, workload.ModelFile(repository), options.IntraOpThreads, options.InterOpThreads, new Dictionary<string, string>(), cancellationToken)
                : null;
            using var scenario = ModelScenario.Create(workload, repository, clients, options, bare?.Client);
            var checksum = await scenario.VerifyAsync(cancellationToken);
            var iterations = options.Iterations ?? workload.DefaultIterations;
            progress.WriteLine($"{model}: {scenario.Paths.Count} paths, warm-up {options.WarmupPerPath.TotalSeconds} s each, {iterations} iterations");
            await runner.WarmUpAsync(scenario.Paths, options.WarmupPerPath, cancellationToken);
            var loadBefore = LoadAverage.Read();
            progress.WriteLine($"    measuring (load {loadBefore})");
            var results = await runner.MeasureAsync(scenario.Paths, iterations, options.BlockSize, cancellationToken);
            var loadAfter = LoadAverage.Read();
            progress.WriteLine($"    measured (load {loadAfter})");
            var cpu = new List<CpuCost>();
            if (options.CpuPerPath > TimeSpan.Zero)
            {
                foreach (var path in scenario.Paths)
                {
                    cpu.Add(await cpuMeter.MeasureAsync(path, model, options.CpuPerPath, cancellationToken, bare?.ProcessId));
                }
            }

            runs.Add(new ModelRun(workload, results, cpu, checksum, options.WarmupPerPath, iterations, options.BlockSize, loadBefore, loadAfter));
        }

        if (options.ProfilePath is { } profile)
        {
            await ProfileDriver.DriveAsync(profile, hub, clients, options.ProfileDuration, progress, cancellationToken);
        }

        return new HubOverheadRun(
            started, MachineInfo.Read(), hub.CommandLine, HubRuntimeConfig.GcMode(hubDll, options.HubEnvironment), options.IntraOpThreads, options.InterOpThreads, runs);
    }
}
