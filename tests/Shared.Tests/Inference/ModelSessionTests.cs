using System.Text;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Protocol.Json;
using EdgeCloud.Shared.Tensors;
using EdgeCloud.Shared.Tests.TestSupport;
using Google.Protobuf;

namespace EdgeCloud.Shared.Tests.Inference;

public sealed partial class ModelSessionTests(SileroSessionFixture silero, MiniLmSessionFixture minilm)
    : IClassFixture<SileroSessionFixture>, IClassFixture<MiniLmSessionFixture>
{
    private readonly ModelSession _silero = silero.Session;
    private readonly ModelSession _minilm = minilm.Session;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Load_Silero_ReportsItsDeclaredTensorsAndTheCpuProvider()
    {
        var info = _silero.Info;

        Assert.Equal(TestModels.SileroVad, info.Name);
        Assert.Equal("1", info.Version);
        Assert.Equal("fp32", info.Variant);
        Assert.Equal(ExecutionProviders.Cpu, info.ExecutionProvider);
        Assert.Equal(
            [new TensorSpec("input", DataType.Fp32, [-1, -1]), new TensorSpec("state", DataType.Fp32, [2, -1, 128]), new TensorSpec("sr", DataType.Int64, [])],
            info.Inputs, TensorSpecEquality.Instance);
        Assert.Equal(["output", "stateN"], info.Outputs.Select(o => o.Name));
        Assert.Equal(new TensorSpec("output", DataType.Fp32, [-1, 1]), info.Outputs[0], TensorSpecEquality.Instance);
        Assert.All(info.Outputs, o => Assert.Equal(DataType.Fp32, o.DataType));
    }

    [Fact]
    public void Load_MiniLm_ReportsThreeInt64InputsOfBatchBySequence()
    {
        var info = _minilm.Info;

        Assert.Equal(["input_ids", "attention_mask", "token_type_ids"], info.Inputs.Select(i => i.Name));
        Assert.All(info.Inputs, i =>
        {
            Assert.Equal(DataType.Int64, i.DataType);
            Assert.Equal([-1L, -1L], i.Shape);
        });
        Assert.Equal(new TensorSpec("last_hidden_state", DataType.Fp32, [-1, -1, 384]), info.Outputs[0], TensorSpecEquality.Instance);
    }

    [Fact]
    public void Run_SileroRawRequest_ReturnsRawOutputsForEveryOutput()
    {
        var response = _silero.Run(SileroRequests.Raw(), Token);

        Assert.Equal(TestModels.SileroVad, response.ModelName);
        Assert.Equal("1", response.ModelVersion);
        Assert.Equal("raw-1", response.Id);
        Assert.Equal(["output", "stateN"], response.Outputs.Select(o => o.Name));
        Assert.All(response.Outputs, o => Assert.Equal("FP32", o.Datatype));
        Assert.All(response.Outputs, o => Assert.Null(o.Contents));
        Assert.Equal([1L, 1L], response.Outputs[0].Shape);
        Assert.Equal([2L, 1L, 128L], response.Outputs[1].Shape);
        Assert.Equal(2, response.RawOutputContents.Count);
        Assert.Equal(4, response.RawOutputContents[0].Length);
        Assert.Equal(2 * 128 * 4, response.RawOutputContents[1].Length);
        var probability = RawBytes.To<float>(response.RawOutputContents[0])[0];
        Assert.InRange(probability, 0f, 1f);
    }

    [Fact]
    public void Run_SileroTypedRequest_ReturnsTypedOutputsIdenticalToTheRawRun()
    {
        var audio = SileroRequests.Audio(seed: 3);
        var state = SileroRequests.State(0.05f);

        var raw = _silero.Run(SileroRequests.Raw(audio, state), Token);
        var typed = _silero.Run(SileroRequests.Typed(audio, state), Token);

        Assert.Empty(typed.RawOutputContents);
        Assert.Equal(raw.Outputs.Select(o => (o.Name, o.Datatype, Shape: string.Join(",", o.Shape))), typed.Outputs.Select(o => (o.Name, o.Datatype, Shape: string.Join(",", o.Shape))));
        for (var i = 0; i < raw.Outputs.Count; i++)
        {
            Assert.Equal(BitsOf(RawBytes.To<float>(raw.RawOutputContents[i])), BitsOf([.. typed.Outputs[i].Contents.Fp32Contents]));
        }
    }

    [Fact]
    public void Run_SileroSameRequestTwice_GivesTheSameOutputs()
    {
        var first = _silero.Run(SileroRequests.Raw(), Token);
        var second = _silero.Run(SileroRequests.Raw(), Token);

        Assert.Equal(first.RawOutputContents, second.RawOutputContents);
    }

    [Fact]
    public void Run_SileroStateFedBack_ChangesTheResult()
    {
        // The model really runs: its recurrent state carries from one chunk to the next.
        var first = _silero.Run(SileroRequests.Raw(), Token);
        var next = _silero.Run(SileroRequests.Raw(state: RawBytes.To<float>(first.RawOutputContents[1])), Token);

        Assert.NotEqual(first.RawOutputContents[1], next.RawOutputContents[1]);
    }

    [Fact]
    public void Run_RequestedOutputSubset_ReturnsOnlyThat()
    {
        var request = SileroRequests.Raw();
        request.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "stateN" });

        var response = _silero.Run(request, Token);

        Assert.Equal("stateN", Assert.Single(response.Outputs).Name);
        Assert.Equal(2 * 128 * 4, Assert.Single(response.RawOutputContents).Length);
    }

    [Fact]
    public void Run_RequestedOutputSubsetOfTypedRequest_ReturnsOnlyThatTyped()
    {
        var request = SileroRequests.Typed();
        request.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "output" });

        var response = _silero.Run(request, Token);

        var output = Assert.Single(response.Outputs);
        Assert.Equal("output", output.Name);
        Assert.Single(output.Contents.Fp32Contents);
        Assert.Empty(response.RawOutputContents);
    }

    [Fact]
    public void Run_RequestedOutputsInAnotherOrder_FollowsTheRequestOrder()
    {
        var all = _silero.Run(SileroRequests.Raw(), Token);
        var request = SileroRequests.Raw();
        request.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "stateN" });
        request.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "output" });

        var response = _silero.Run(request, Token);

        Assert.Equal(["stateN", "output"], response.Outputs.Select(o => o.Name));
        Assert.Equal(all.RawOutputContents[1], response.RawOutputContents[0]);
        Assert.Equal(all.RawOutputContents[0], response.RawOutputContents[1]);
    }

    [Fact]
    public void Run_CancelledToken_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => _silero.Run(SileroRequests.Raw(), cts.Token));
    }

    [Fact]
    public void Run_AfterACancelledRun_StillServes()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => _silero.Run(SileroRequests.Raw(), cts.Token));

        Assert.Equal(2, _silero.Run(SileroRequests.Raw(), Token).Outputs.Count);
    }

    [Fact]
    public void Run_AfterABadRequest_StillServes()
    {
        var bad = SileroRequests.Raw();
        bad.RawInputContents[0] = ByteString.CopyFrom(new byte[3]);
        Assert.Throws<InferenceException>(() => _silero.Run(bad, Token));

        Assert.Equal(2, _silero.Run(SileroRequests.Raw(), Token).Outputs.Count);
    }

    [Fact]
    public async Task Run_ConcurrentRequests_EachGetsItsOwnResult()
    {
        var expected = Enumerable.Range(1, 4).Select(seed => _silero.Run(SileroRequests.Raw(SileroRequests.Audio(seed)), Token).RawOutputContents[0]).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(1, 16).Select(i => Task.Run(
            () => (Seed: ((i - 1) % 4) + 1, Response: _silero.Run(SileroRequests.Raw(SileroRequests.Audio(((i - 1) % 4) + 1)), Token)), Token)));

        Assert.All(results, r => Assert.Equal(expected[r.Seed - 1], r.Response.RawOutputContents[0]));
    }

    [Fact]
    public void Run_JsonRequestThroughReaderAndWriter_ProducesTheSameValuesAsRaw()
    {
        var audio = SileroRequests.Audio(seed: 2);
        var body = $$"""
            {"id":"json-1","inputs":[
              {"name":"input","datatype":"FP32","shape":[1,512],"data":[[{{string.Join(",", audio.Select(a => a.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}}]]},
              {"name":"state","datatype":"FP32","shape":[2,1,128],"data":[{{string.Join(",", Enumerable.Repeat("0", 256))}}]},
              {"name":"sr","datatype":"INT64","shape":[],"data":16000}],
             "outputs":[{"name":"output"}]}
            """;
        var request = V2JsonRequestReader.Read(Encoding.UTF8.GetBytes(body), TestModels.SileroVad, null);

        var response = _silero.Run(request, Token);
        var expected = _silero.Run(SileroRequests.Raw(audio), Token);

        Assert.Equal("json-1", response.Id);
        Assert.Equal(expected.RawOutputContents[0], Assert.Single(response.RawOutputContents));
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            V2JsonResponseWriter.Write(writer, response);
        }

        using var json = System.Text.Json.JsonDocument.Parse(buffer.WrittenMemory);
        var output = json.RootElement.GetProperty("outputs")[0];
        Assert.Equal("output", output.GetProperty("name").GetString());
        Assert.Equal(RawBytes.To<float>(expected.RawOutputContents[0])[0], output.GetProperty("data")[0].GetSingle());
    }

    [Fact]
    public void WarmUp_SileroConfigOverrides_Runs()
    {
        var config = ModelConfigReader.Read(Path.Combine(TestModels.Folder(TestModels.SileroVad), "config.json"), TestModels.SileroVad);

        _silero.WarmUp(config.Warmup);
    }

    private static uint[] BitsOf(float[] values) => [.. values.Select(BitConverter.SingleToUInt32Bits)];
}
