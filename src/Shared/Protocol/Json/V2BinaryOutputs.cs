namespace EdgeCloud.Shared.Protocol.Json;

/// <summary>
/// Which outputs a REST request asked for as binary tensor data (the KServe/Triton binary tensor data extension):
/// the request parameter <c>binary_data_output</c> sets the default, an output's own <c>binary_data</c> overrides it.
/// </summary>
public sealed class V2BinaryOutputs
{
    private readonly Dictionary<string, bool> _perOutput;

    internal V2BinaryOutputs(bool byDefault, Dictionary<string, bool> perOutput)
    {
        ByDefault = byDefault;
        _perOutput = perOutput;
    }

    /// <summary>Every output as JSON: a request that did not use the extension.</summary>
    public static V2BinaryOutputs None { get; } = new(false, []);

    public bool ByDefault { get; }

    /// <summary>True when at least one output may come back binary.</summary>
    public bool Any => ByDefault || _perOutput.ContainsValue(true);

    public bool IsBinary(string output) => _perOutput.TryGetValue(output, out var binary) ? binary : ByDefault;
}
