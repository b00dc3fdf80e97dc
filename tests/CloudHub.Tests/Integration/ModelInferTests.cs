using EdgeCloud.Protocol;
using EdgeCloud.Shared.Protocol;
using EdgeCloud.TestUtilities;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.CloudHub.Tests.Integration;

public sealed class ModelInferTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    private readonly GRPCInferenceService.GRPCInferenceServiceClient _client = fixture.Hub.Client;

    [Fact]
    public async Task ModelInfer_MiniLm_EqualsInProcessOnnxRuntime()
    {
        var request = MiniLmText.Request("A man is eating food.");

        var response = await _client.ModelInferAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        var expected = RunInProcess(request);
        var actual = Requests.Floats(response.RawOutputContents[0]);
        Assert.Equal(expected.Length, actual.Length);
        var maxDiff = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(maxDiff <= 1e-5, $"max abs diff {maxDiff} > 1e-5");
        Assert.Equal([1L, 128, 384], response.Outputs[0].Shape);
    }

    [Fact]
    public async Task ModelInfer_MiniLmEmbeddings_GiveTheKnownCosines()
    {
        var food = await EmbedAsync("A man is eating food.");
        var bread = await EmbedAsync("A man is eating a piece of bread.");
        var market = await EmbedAsync("The stock market crashed today.");

        Assert.InRange(MiniLmText.Cosine(food, bread), 0.745, 0.765);
        Assert.InRange(MiniLmText.Cosine(food, market), -0.05, 0.05);
    }

    [Fact]
    public async Task ModelInfer_TypedContents_EqualRawContents()
    {
        var samples = Requests.Sine(512);

        var raw = await _client.ModelInferAsync(Requests.Silero(samples), cancellationToken: TestContext.Current.CancellationToken);
        var typed = await _client.ModelInferAsync(Requests.Silero(samples, typed: true), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(typed.RawOutputContents);
        Assert.Equal(Requests.Floats(raw.RawOutputContents[0]), typed.Outputs[0].Contents.Fp32Contents);
        Assert.Equal(Requests.Floats(raw.RawOutputContents[1]), typed.Outputs[1].Contents.Fp32Contents);
        Assert.Equal("vad-1", typed.Id);
    }

    [Fact]
    public async Task ModelInfer_SileroVad_ReturnsProbabilityAndState()
    {
        var response = await _client.ModelInferAsync(Requests.Silero(Requests.Sine(512)), cancellationToken: TestContext.Current.CancellationToken);

        var probability = Requests.Floats(response.RawOutputContents[0]).Single();
        Assert.InRange(probability, 0f, 1f);
        Assert.Equal(["output", "stateN"], response.Outputs.Select(o => o.Name));
        Assert.Equal([2L, 1, 128], response.Outputs[1].Shape);
    }

    [Fact]
    public async Task ModelInfer_Resnet18_ReturnsFeaturesAndSaysWhereItRan()
    {
        var response = await _client.ModelInferAsync(Requests.Resnet(seed: 7), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([1L, 512, 1, 1], response.Outputs[0].Shape);
        var features = Requests.Floats(response.RawOutputContents[0]);
        Assert.All(features, f => Assert.True(float.IsFinite(f)));
        Assert.Contains(features, f => f != 0);
        Assert.Equal("cpu", response.Parameters[EdgeCloudParameters.ExecutionProvider].StringParam);
        Assert.Equal("fp32", response.Parameters[EdgeCloudParameters.Variant].StringParam);
    }

    [Fact]
    public async Task ModelInfer_RequestedOutputSubset_ReturnsOnlyThatOutput()
    {
        var request = Requests.Silero(Requests.Sine(512));
        request.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "stateN" });

        var response = await _client.ModelInferAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("stateN", Assert.Single(response.Outputs).Name);
        Assert.Single(response.RawOutputContents);
    }

    private async Task<float[]> EmbedAsync(string sentence)
    {
        var request = MiniLmText.Request(sentence);
        var response = await _client.ModelInferAsync(request, cancellationToken: TestContext.Current.CancellationToken);
        var mask = Requests.Longs(request.RawInputContents[1]);
        return MiniLmText.Embedding(Requests.Floats(response.RawOutputContents[0]), mask);
    }

    private static float[] RunInProcess(ModelInferRequest request)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var session = new InferenceSession(TestModels.ModelFile("minilm"), options);
        var inputs = request.Inputs.Select((input, i) =>
            OrtValue.CreateTensorValueFromMemory(Requests.Longs(request.RawInputContents[i]), [.. input.Shape])).ToList();
        try
        {
            using var runOptions = new RunOptions();
            using var results = session.Run(runOptions, request.Inputs.Select(i => i.Name).ToList(), inputs, ["last_hidden_state"]);
            return results[0].GetTensorDataAsSpan<float>().ToArray();
        }
        finally
        {
            inputs.ForEach(v => v.Dispose());
        }
    }
}
