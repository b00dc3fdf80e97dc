using EdgeCloud.Protocol;
using Google.Protobuf;
using Grpc.Core;

namespace EdgeCloud.CloudHub.Tests.Integration;

/// <summary>Every bad request gets its gRPC code and a message naming expected vs got; the next good request succeeds.</summary>
public sealed class ModelInferErrorTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    public static TheoryData<string, StatusCode, string[]> Cases => new()
    {
        { "unknown model", StatusCode.NotFound, ["'nope'", "loaded models", "silero-vad"] },
        { "unknown version", StatusCode.NotFound, ["version '9'", "loaded version: 1"] },
        { "unknown input name", StatusCode.InvalidArgument, ["no input 'audio'", "expected inputs: input, state, sr"] },
        { "missing input", StatusCode.InvalidArgument, ["missing: sr"] },
        { "duplicate input", StatusCode.InvalidArgument, ["'input' appears more than once"] },
        { "wrong datatype", StatusCode.InvalidArgument, ["expected datatype FP32, got FP64"] },
        { "unknown datatype", StatusCode.InvalidArgument, ["unknown datatype 'FLOAT'"] },
        { "wrong rank", StatusCode.InvalidArgument, ["expected rank 3", "got rank 2"] },
        { "wrong fixed dim", StatusCode.InvalidArgument, ["expected shape [2,-1,128]", "got [2,1,64]"] },
        { "negative dim", StatusCode.InvalidArgument, ["dimension 1 is -512"] },
        { "wrong byte length", StatusCode.InvalidArgument, ["expected 2048 bytes for FP32[1,512], got 2044"] },
        { "raw count mismatch", StatusCode.InvalidArgument, ["raw_input_contents has 2 entries but the request has 3 inputs"] },
        { "raw mixed with typed", StatusCode.InvalidArgument, ["typed contents while raw_input_contents is used"] },
        { "typed count mismatch", StatusCode.InvalidArgument, ["expected 512 values in fp32_contents", "got 3"] },
        { "huge dims", StatusCode.ResourceExhausted, ["more than the limit"] },
        { "unknown output", StatusCode.InvalidArgument, ["no output 'probability'", "expected outputs: output, stateN"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ModelInfer_BadRequest_ReturnsCodeAndClearMessageThenServesTheNext(string scenario, StatusCode code, string[] fragments)
    {
        var client = fixture.Hub.Client;
        var ct = TestContext.Current.CancellationToken;

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.ModelInferAsync(Break(scenario), cancellationToken: ct));

        Assert.Equal(code, error.StatusCode);
        Assert.All(fragments, f => Assert.Contains(f, error.Status.Detail, StringComparison.Ordinal));
        var good = await client.ModelInferAsync(Requests.Silero(Requests.Sine(512)), cancellationToken: ct);
        Assert.Equal(2, good.Outputs.Count);
    }

    private static ModelInferRequest Break(string scenario)
    {
        var request = Requests.Silero(Requests.Sine(512));
        switch (scenario)
        {
            case "unknown model": request.ModelName = "nope"; break;
            case "unknown version": request.ModelVersion = "9"; break;
            case "unknown input name": request.Inputs[0].Name = "audio"; break;
            case "missing input": request.Inputs.RemoveAt(2); request.RawInputContents.RemoveAt(2); break;
            case "duplicate input": request.Inputs[2].Name = "input"; break;
            case "wrong datatype": request.Inputs[0].Datatype = "FP64"; break;
            case "unknown datatype": request.Inputs[0].Datatype = "FLOAT"; break;
            case "wrong rank": request.Inputs[1].Shape.Clear(); request.Inputs[1].Shape.AddRange([2, 128]); break;
            case "wrong fixed dim": request.Inputs[1].Shape[2] = 64; break;
            case "negative dim": request.Inputs[0].Shape[1] = -512; break;
            case "wrong byte length": request.RawInputContents[0] = ByteString.CopyFrom(request.RawInputContents[0].Span[..^4]); break;
            case "raw count mismatch": request.RawInputContents.RemoveAt(2); break;
            case "raw mixed with typed": request.Inputs[0].Contents = new InferTensorContents(); break;
            case "typed count mismatch":
                request = Requests.Silero(Requests.Sine(512), typed: true);
                request.Inputs[0].Contents.Fp32Contents.Clear();
                request.Inputs[0].Contents.Fp32Contents.AddRange([1f, 2f, 3f]);
                break;
            case "huge dims": request.Inputs[0].Shape[0] = 1L << 40; request.Inputs[0].Shape[1] = 1L << 40; break;
            case "unknown output":
                request.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "probability" });
                break;
            default: throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null);
        }

        return request;
    }
}
