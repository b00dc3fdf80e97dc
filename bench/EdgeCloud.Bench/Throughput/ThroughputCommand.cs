using System.Globalization;
using System.Runtime.InteropServices;
using EdgeCloud.Bench.Batching;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Protocol;

namespace EdgeCloud.Bench.Throughput;

/// <summary>
/// <c>throughput</c>: items per second and latency through the hub's gRPC ModelInfer (hub in its own
/// process, batching off and on) against <c>InferenceSession.Run</c> in process, at each concurrency, on
/// one execution provider for both — the CUDA measurement of <c>../shared/GPU.md</c>, and on the CPU here.
/// </summary>
internal static class ThroughputCommand
{
    // On the GPU the hub's session and the bench's may pick different cuDNN algorithms (and TF32 math) for the same
    // convolution, so their answers legitimately differ more than two CPU sessions' do.
    private static double Tolerance(string provider) => provider == "cuda" ? 2e-2 : 1e-3;

    public static async Task<int> RunAsync(string[] args)
    {
        if (ThroughputOptions.Parse(args) is not { } options)
        {
            Console.Error.WriteLine(ThroughputOptions.Help);
            return 2;
        }

        try
        {
            return await RunAsync(options);
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"throughput: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(ThroughputOptions options)
    {
        var inference = new InferenceOptions
        {
            ExecutionProviders = [options.Provider],
            IntraOpThreads = options.IntraOpThreads,
            InterOpThreads = 1,
            CudaPreferNhwc = options.CudaPreferNhwc,
        };
        var (session, provider) = SessionFactory.Create(options.ModelFile, inference);
        using var _ = session;
        var model = ThroughputModel.Read(session, options.InputShape);
        var inputs = ThroughputInputs.Create(model, options.Name);
        var report = new ThroughputReport(options, model, provider, ThroughputReport.LoadAverage());
        using (var inProcess = new InProcessLoad(session, inputs))
        {
            var reference = inProcess.Reference();
            foreach (var concurrency in options.Concurrency)
            {
                report.Add("in-process ORT `Run`", concurrency, inProcess.Run(concurrency, batch: 1, options.Warmup, options.Measure), itemsPerCall: 1);
            }

            var batching = model.DynamicBatch && options.MaxBatch > 0;
            if (batching)
            {
                report.Add($"in-process ORT `Run`, batch {options.MaxBatch} per run", 1, inProcess.Run(1, options.MaxBatch, options.Warmup, options.Measure), options.MaxBatch);
            }

            using var repository = new ThroughputRepository(options.Name, options.ModelFile, batching ? options.MaxBatch : 0, options.QueueDelayMicroseconds);
            report.HubConfig = repository.Config;
            foreach (var batched in batching ? new[] { false, true } : [false])
            {
                await MeasureHubAsync(options, inputs, repository, batched, reference, report);
            }
        }

        var text = report.Render(ThroughputReport.LoadAverage());
        Console.WriteLine(text);
        if (options.OutFile is { } outFile)
        {
            await File.WriteAllTextAsync(outFile, text);
        }

        return 0;
    }

    private static async Task MeasureHubAsync(
        ThroughputOptions options, ThroughputInputs inputs, ThroughputRepository repository, bool batched, float[] reference, ThroughputReport report)
    {
        string[] providerArguments = [$"--Hub:Inference:ExecutionProviders:0={options.Provider}", $"--Hub:Inference:CudaPreferNhwc={options.CudaPreferNhwc}"];
        await using var hub = await HubChild.StartAsync(options.Hub, repository.Root, options.Name, batched, options.IntraOpThreads, providerArguments);
        report.HubCommand = hub.CommandLine;
        var path = batched ? "hub gRPC ModelInfer, batching on" : "hub gRPC ModelInfer, batching off";

        var first = await hub.Client.ModelInferAsync(inputs.Requests[0]);
        var served = first.Parameters.TryGetValue(EdgeCloudParameters.ExecutionProvider, out var p) ? p.StringParam : "(not said)";
        if (served != options.Provider)
        {
            throw new InvalidOperationException($"{path}: the hub ran the model on '{served}', expected '{options.Provider}'");
        }

        var diff = MaxAbsDiff(reference, MemoryMarshal.Cast<byte, float>(first.RawOutputContents[0].Span));
        var allowed = Tolerance(options.Provider) * Math.Max(1, reference.Max(Math.Abs));
        if (!(diff <= allowed))
        {
            throw new InvalidOperationException($"{path}: output differs from in-process ORT by up to {diff} (allowed {allowed}, NaN never); the paths do not compute the same thing");
        }

        report.Check(path, served, diff);
        foreach (var concurrency in options.Concurrency)
        {
            var before = await hub.BatchSizeAsync(options.Name);
            var cell = await ClosedLoop.RunAsync(hub.Client, inputs.Requests, concurrency, options.Warmup, options.Measure);
            var after = await hub.BatchSizeAsync(options.Name);
            var batches = after.Count - before.Count;
            report.Add(path, concurrency, cell with { MeanBatch = batches > 0 ? (after.Sum - before.Sum) / batches : 1 }, itemsPerCall: 1);
        }
    }

    private static double MaxAbsDiff(float[] expected, ReadOnlySpan<float> actual)
    {
        if (actual.Length != expected.Length)
        {
            throw new InvalidOperationException($"the hub returned {actual.Length} output values, in-process ORT {expected.Length}");
        }

        double max = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            max = Math.Max(max, Math.Abs(expected[i] - actual[i]));
        }

        return max;
    }
}
