using System.Globalization;
using EdgeCloud.Bench.Workloads;

namespace EdgeCloud.Bench.HubOverhead;

/// <summary>Command-line options of <c>hub-overhead</c>.</summary>
internal sealed class HubOverheadOptions
{
    public const string Help = """
        hub-overhead options:
          --hub-dll PATH             the CloudHub dll (default: bin/EdgeCloud.CloudHub/release/ beside the bench's, else artifacts/)
          --model-repository DIR     the model repository (default: <repo>/models/repo)
          --models a,b               models to measure (default: silero-vad,minilm)
          --warmup-seconds S         warm-up per path, every model (default: 15)
          --iterations N             measured calls per path, every model (default: 5000 silero-vad, 1000 minilm)
          --block N                  calls per path in a row when measuring, first 2 not recorded (default: 100; 1: call by call)
          --rest-models a,b          models also measured over REST (default: all measured models)
          --cpu-seconds S            after the latency run, run each path alone S s to measure CPU per call (default: 3; 0: skip)
          --no-floors                skip the transport-floor paths (ServerLive, /v2/health/live)
          --no-bare                  skip the bare gRPC handler reference (bench/EdgeCloud.BareGrpc, started as its own process)
          --intra-op N, --inter-op N ONNX Runtime threads, baseline and hub alike (default: 1, 1)
          --out FILE                 also write the Markdown report to FILE
          --hub-env KEY=VALUE        set an environment variable for the hub process only (repeatable), e.g. DOTNET_gcServer=0
          --dotnet PATH              the dotnet host that runs the hub (default: dotnet)
          --profile grpc|rest        after measuring, keep driving silero-vad over that path (attach dotnet-trace to the hub)
          --profile-seconds S        how long --profile drives the hub (default: 30)
        """;

    public string? HubDll { get; private set; }

    public string? ModelRepository { get; private set; }

    public IReadOnlyList<string> Models { get; private set; } = BenchWorkloads.Names;

    public IReadOnlyList<string>? RestModels { get; private set; }

    public TimeSpan WarmupPerPath { get; private set; } = TimeSpan.FromSeconds(15);

    public int? Iterations { get; private set; }

    public int BlockSize { get; private set; } = 100;

    public bool Floors { get; private set; } = true;

    public bool BareReference { get; private set; } = true;

    public TimeSpan CpuPerPath { get; private set; } = TimeSpan.FromSeconds(3);

    public int IntraOpThreads { get; private set; } = 1;

    public int InterOpThreads { get; private set; } = 1;

    public string? OutFile { get; private set; }

    public string DotnetHost { get; private set; } = "dotnet";

    public Dictionary<string, string> HubEnvironment { get; } = new(StringComparer.Ordinal);

    public string? ProfilePath { get; private set; }

    public TimeSpan ProfileDuration { get; private set; } = TimeSpan.FromSeconds(30);

    public bool MeasuresRest(string model) => RestModels?.Contains(model) ?? true;

    public static HubOverheadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new HubOverheadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            switch (name)
            {
                case "--hub-dll": options.HubDll = Path.GetFullPath(Next()); break;
                case "--model-repository": options.ModelRepository = Path.GetFullPath(Next()); break;
                case "--models": options.Models = List(Next()); break;
                case "--rest-models": options.RestModels = List(Next()); break;
                case "--warmup-seconds": options.WarmupPerPath = TimeSpan.FromSeconds(Number(name, Next(), min: 0)); break;
                case "--iterations": options.Iterations = (int)Number(name, Next(), min: 1); break;
                case "--block": options.BlockSize = (int)Number(name, Next(), min: 1); break;
                case "--no-floors": options.Floors = false; break;
                case "--no-bare": options.BareReference = false; break;
                case "--cpu-seconds": options.CpuPerPath = TimeSpan.FromSeconds(Number(name, Next(), min: 0)); break;
                case "--intra-op": options.IntraOpThreads = (int)Number(name, Next(), min: 0); break;
                case "--inter-op": options.InterOpThreads = (int)Number(name, Next(), min: 0); break;
                case "--out": options.OutFile = Path.GetFullPath(Next()); break;
                case "--dotnet": options.DotnetHost = Next(); break;
                case "--hub-env": options.AddHubEnvironment(Next()); break;
                case "--profile": options.ProfilePath = Next() is "grpc" or "rest" ? args[i] : throw new ArgumentException("--profile takes grpc or rest"); break;
                case "--profile-seconds": options.ProfileDuration = TimeSpan.FromSeconds(Number(name, Next(), min: 1)); break;
                default: throw new ArgumentException($"unknown option '{name}'");
            }
        }

        foreach (var model in options.Models)
        {
            _ = BenchWorkloads.For(model);
        }

        return options;
    }

    private void AddHubEnvironment(string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--hub-env: expected KEY=VALUE, got '{assignment}'");
        }

        HubEnvironment[assignment[..equals]] = assignment[(equals + 1)..];
    }

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static double Number(string name, string value, double min) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new ArgumentException($"{name}: expected a number ≥ {min}, got '{value}'");
}
