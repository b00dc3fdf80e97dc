using EdgeCloud.Bench.Measurement;

namespace EdgeCloud.Bench.Paths;

/// <summary>GET /v2/health/live on the same HTTP/1.1 connection pool: the REST transport floor.</summary>
internal sealed class RestLivePath(HttpClient http, Uri liveUri) : ILatencyPath
{
    public string Name => "hub REST GET /v2/health/live (no model: transport floor)";

    public PathRole Role => PathRole.TransportFloor;

    public async ValueTask InvokeAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(liveUri, cancellationToken);
        response.EnsureSuccessStatusCode();
        await response.Content.CopyToAsync(Stream.Null, cancellationToken);
    }

    public ValueTask<double?> ChecksumAsync(CancellationToken cancellationToken) => ValueTask.FromResult<double?>(null);
}
