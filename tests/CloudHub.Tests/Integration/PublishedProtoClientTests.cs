using Grpc.Net.Client;
using KServe.Published;

namespace EdgeCloud.CloudHub.Tests.Integration;

/// <summary>A client built only from the published KServe v2 proto talks to the hub.</summary>
public sealed class PublishedProtoClientTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task PublishedClient_MetadataAndInfer_Work()
    {
        var ct = TestContext.Current.CancellationToken;
        using var channel = GrpcChannel.ForAddress(fixture.Hub.GrpcAddress);
        var client = new GRPCInferenceService.GRPCInferenceServiceClient(channel);

        var server = await client.ServerMetadataAsync(new ServerMetadataRequest(), cancellationToken: ct);
        var model = await client.ModelMetadataAsync(new ModelMetadataRequest { Name = "ocr-cls" }, cancellationToken: ct);
        var request = new ModelInferRequest { ModelName = "ocr-cls" };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = model.Inputs[0].Name, Datatype = "FP32", Contents = new InferTensorContents() };
        input.Shape.AddRange([1, 3, 48, 192]);
        input.Contents.Fp32Contents.AddRange(Enumerable.Range(0, 3 * 48 * 192).Select(i => (float)Math.Sin(i) * 0.5f));
        request.Inputs.Add(input);
        var response = await client.ModelInferAsync(request, cancellationToken: ct);

        Assert.Equal("edgecloud-hub", server.Name);
        Assert.Equal("FP32", model.Inputs[0].Datatype);
        Assert.Equal([1L, 2], response.Outputs[0].Shape);
        var probabilities = response.Outputs[0].Contents.Fp32Contents;
        Assert.Equal(1.0, probabilities.Sum(), 3);
    }
}
