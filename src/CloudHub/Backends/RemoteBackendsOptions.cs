namespace EdgeCloud.CloudHub.Backends;

/// <summary>
/// Section <c>Hub:Backends</c>: per model name, the remote KServe v2 gRPC endpoints (other hubs,
/// Triton) that serve it. A model listed here is forwarded, never run locally. Example:
/// <c>--Hub:Backends:minilm:Endpoints:0:Address=http://10.0.0.5:8001 --Hub:Backends:minilm:Policy=LeastOutstanding</c>.
/// </summary>
#pragma warning disable CA1710 // Bound straight from a configuration section of model names; "Options" says what it is.
public sealed class RemoteBackendsOptions : Dictionary<string, RemoteModelOptions>
#pragma warning restore CA1710
{
    public const string Section = "Hub:Backends";

    public RemoteBackendsOptions()
        : base(StringComparer.Ordinal)
    {
    }
}
