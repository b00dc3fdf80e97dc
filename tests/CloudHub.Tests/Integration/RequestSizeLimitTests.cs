using EdgeCloud.TestUtilities;
using Grpc.Core;

namespace EdgeCloud.CloudHub.Tests.Integration;

/// <summary>A hub with a 64 KiB request limit: larger requests are refused over gRPC and REST, and it keeps serving.</summary>
public sealed class RequestSizeLimitTests
{
    [Fact]
    public async Task ModelInfer_OverTheSizeLimit_IsResourceExhaustedOnGrpcAnd413OnRest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = await InProcessHub.StartAsync(
            TestModels.Repository, ["silero-vad"], new Dictionary<string, string?> { ["Hub:MaxRequestBytes"] = "65536" });

        var grpcError = await Assert.ThrowsAsync<RpcException>(async () =>
            await hub.Client.ModelInferAsync(Requests.Silero(Requests.Sine(32_000)), cancellationToken: ct));
        using var body = new StringContent(new string(' ', 100_000) + "{}");
        using var rest = await hub.Http.PostAsync("/v2/models/silero-vad/infer", body, ct);

        // A REST request claiming a gRPC content type keeps the limit too (only HTTP/2 gRPC calls trade it for the message limit).
        using var disguised = new StringContent(new string(' ', 100_000) + "{}");
        disguised.Headers.ContentType = new("application/grpc");
        using var restAsGrpc = await hub.Http.PostAsync("/v2/models/silero-vad/infer", disguised, ct);

        Assert.Equal(StatusCode.ResourceExhausted, grpcError.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, rest.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, restAsGrpc.StatusCode);
        var good = await hub.Client.ModelInferAsync(Requests.Silero(Requests.Sine(512)), cancellationToken: ct);
        Assert.Equal(2, good.Outputs.Count);
    }
}
