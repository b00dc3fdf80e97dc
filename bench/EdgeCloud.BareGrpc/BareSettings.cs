using System.Globalization;

namespace EdgeCloud.BareGrpc;

/// <summary>The bare server's command line: its port, the model file and the ONNX Runtime thread counts.</summary>
internal sealed record BareSettings(int Port, string ModelFile, int IntraOpThreads, int InterOpThreads)
{
    public static BareSettings Parse(IReadOnlyList<string> args)
    {
        string Value(string name, string? fallback)
        {
            var i = args.ToList().IndexOf(name);
            return i >= 0 && i + 1 < args.Count ? args[i + 1]
                : fallback ?? throw new ArgumentException($"missing {name}; usage: --port N --model FILE [--intra-op N] [--inter-op N]");
        }

        return new BareSettings(
            int.Parse(Value("--port", null), CultureInfo.InvariantCulture),
            Value("--model", null),
            int.Parse(Value("--intra-op", "1"), CultureInfo.InvariantCulture),
            int.Parse(Value("--inter-op", "1"), CultureInfo.InvariantCulture));
    }
}
