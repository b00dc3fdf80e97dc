using System.Globalization;

namespace EdgeCloud.Bench.Throughput;

/// <summary>Options of the <c>throughput</c> command.</summary>
internal sealed record ThroughputOptions
{
    public const string Help = """
        throughput options:
          --model-file PATH        an ONNX model with one FP32 input, e.g. a ResNet-50 exported with a dynamic batch axis
                                   (default: models/repo/resnet18/1/model.onnx, fixed batch 1)
          --model-name NAME        the model's name in the hub's temporary repository (default: the file's folder or name)
          --input-shape 1,3,224,224  one request's input shape, batch first (default: the model's, with a dynamic batch as 1)
          --provider cuda|cpu      execution provider of the in-process session and of the hub, nothing else allowed (default: cpu)
          --cuda-prefer-nhwc       CUDA option prefer_nhwc=1, in process and in the hub alike
          --concurrency 1,16       closed-loop callers per cell (default: 1,16)
          --seconds N              measured seconds per cell (default: 10)
          --warmup N               warm-up seconds per cell, not recorded (default: 5)
          --max-batch N            the hub's max_batch_size when the model's batch axis is dynamic (default: 16; 0: no batching column)
          --queue-delay-us N       the hub's max_queue_delay_microseconds with batching on (default: 500)
          --intra-op N             ONNX Runtime intra-op threads, in process and in the hub alike (default: 1)
          --hub PATH               EdgeCloud.CloudHub.dll, or the self-contained EdgeCloud.CloudHub executable
                                   (default: the Release build beside the bench)
          --out FILE               also write the Markdown report to FILE
        """;

    public string ModelFile { get; init; } = Path.Combine(Directory.GetCurrentDirectory(), "models", "repo", "resnet18", "1", "model.onnx");

    public string? ModelName { get; init; }

    public IReadOnlyList<long>? InputShape { get; init; }

    public string Provider { get; init; } = "cpu";

    public bool CudaPreferNhwc { get; init; }

    public IReadOnlyList<int> Concurrency { get; init; } = [1, 16];

    public TimeSpan Measure { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    public int MaxBatch { get; init; } = 16;

    public int QueueDelayMicroseconds { get; init; } = 500;

    public int IntraOpThreads { get; init; } = 1;

    public string Hub { get; init; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "EdgeCloud.CloudHub", "release", "EdgeCloud.CloudHub.dll"));

    public string? OutFile { get; init; }

    /// <summary>The name the hub serves the model under: <c>--model-name</c>, else the repository folder (<c>{model}/{version}/model.onnx</c>) or the file name.</summary>
    public string Name => ModelName ?? (Path.GetFileName(ModelFile) == "model.onnx"
        ? Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(ModelFile)))) ?? "model"
        : Path.GetFileNameWithoutExtension(ModelFile));

    /// <summary>The options, or null (after saying why on stderr) when an argument is wrong.</summary>
    public static ThroughputOptions? Parse(string[] args)
    {
        var options = new ThroughputOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--cuda-prefer-nhwc")
            {
                options = options with { CudaPreferNhwc = true };
                continue;
            }

            if (i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"option '{args[i]}' needs a value");
                return null;
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--model-file": options = options with { ModelFile = Path.GetFullPath(value) }; break;
                case "--model-name": options = options with { ModelName = value }; break;
                case "--input-shape": options = options with { InputShape = [.. value.Split(',').Select(v => long.Parse(v, CultureInfo.InvariantCulture))] }; break;
                case "--provider": options = options with { Provider = value }; break;
                case "--concurrency": options = options with { Concurrency = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] }; break;
                case "--seconds": options = options with { Measure = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) }; break;
                case "--warmup": options = options with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) }; break;
                case "--max-batch": options = options with { MaxBatch = int.Parse(value, CultureInfo.InvariantCulture) }; break;
                case "--queue-delay-us": options = options with { QueueDelayMicroseconds = int.Parse(value, CultureInfo.InvariantCulture) }; break;
                case "--intra-op": options = options with { IntraOpThreads = int.Parse(value, CultureInfo.InvariantCulture) }; break;
                case "--hub": options = options with { Hub = Path.GetFullPath(value) }; break;
                case "--out": options = options with { OutFile = Path.GetFullPath(value) }; break;
                default:
                    Console.Error.WriteLine($"unknown option '{args[i - 1]}'");
                    return null;
            }
        }

        return options.Validate() is { } error ? Fail(error) : options;
    }

    private static ThroughputOptions? Fail(string error)
    {
        Console.Error.WriteLine(error);
        return null;
    }

    private string? Validate() =>
        !File.Exists(ModelFile) ? $"--model-file: no file at {ModelFile}"
        : Provider is not ("cpu" or "cuda") ? $"--provider must be cpu or cuda, got '{Provider}'"
        : Concurrency.Count == 0 || Concurrency.Any(c => c < 1) ? $"--concurrency must list numbers ≥ 1, got {string.Join(",", Concurrency)}"
        : MaxBatch < 0 ? $"--max-batch must be ≥ 0, got {MaxBatch}"
        : InputShape is { } shape && (shape.Count == 0 || shape.Any(d => d < 1)) ? $"--input-shape must be positive dimensions, got {string.Join(",", shape)}"
        : null;
}
