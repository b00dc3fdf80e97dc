using System.Globalization;

namespace EdgeCloud.Bench.AgentPath;

/// <summary>Options of <c>agent-path</c>.</summary>
internal sealed record AgentPathOptions(int Iterations, TimeSpan WarmUp, TimeSpan ThroughputDuration, int BlackholeRequests, TimeSpan HedgeAfter, string? OutFile)
{
    public const string Help = """
        agent-path options:
          --iterations N         interleaved iterations per path at concurrency 1 (default 3000)
          --warmup-seconds S     warm-up per path (default 10)
          --throughput-seconds S duration of each concurrency-8 throughput run (default 10)
          --blackhole N          requests sent while the cloud link is blackholed (default 200)
          --hedge-after MS       Agent:Cloud:HedgeAfter for the blackhole run with hedging on (default: the agent's, 200)
          --out FILE             also write the Markdown report to FILE
        """;

    public static AgentPathOptions Parse(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new AgentPathOptions(
            Int("--iterations", 3000),
            TimeSpan.FromSeconds(Int("--warmup-seconds", 10)),
            TimeSpan.FromSeconds(Int("--throughput-seconds", 10)),
            Int("--blackhole", 200),
            Value("--hedge-after") is { } ms ? TimeSpan.FromMilliseconds(int.Parse(ms, CultureInfo.InvariantCulture)) : new EdgeCloud.EdgeAgent.CloudLinkOptions().HedgeAfter,
            Value("--out"));
    }
}
