using EdgeCloud.Protocol;
using Google.Protobuf;

namespace EdgeCloud.EdgeAgent.Tests.Cache;

/// <summary>Small v2 requests for cache tests.</summary>
internal static class InferRequests
{
    /// <summary>A request with one FP32 input in typed contents and one requested output.</summary>
    public static ModelInferRequest Typed(float seed = 1f, string id = "req-1")
    {
        var input = new ModelInferRequest.Types.InferInputTensor { Name = "input", Datatype = "FP32", Contents = new InferTensorContents() };
        input.Shape.Add([1, 4]);
        input.Contents.Fp32Contents.Add([seed, seed + 1, seed + 2, seed + 3]);
        var request = new ModelInferRequest { ModelName = "minilm", Id = id };
        request.Inputs.Add(input);
        request.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "output" });
        return request;
    }

    /// <summary>A request with two inputs sent as raw contents, in the given order.</summary>
    public static ModelInferRequest Raw(bool idsFirst = true)
    {
        var ids = new ModelInferRequest.Types.InferInputTensor { Name = "input_ids", Datatype = "INT64" };
        ids.Shape.Add([1, 2]);
        var mask = new ModelInferRequest.Types.InferInputTensor { Name = "attention_mask", Datatype = "INT64" };
        mask.Shape.Add([1, 2]);
        var idBytes = ByteString.CopyFrom([101, 0, 0, 0, 0, 0, 0, 0, 102, 0, 0, 0, 0, 0, 0, 0]);
        var maskBytes = ByteString.CopyFrom([1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
        var request = new ModelInferRequest { ModelName = "minilm", Id = "raw" };
        if (idsFirst)
        {
            request.Inputs.Add([ids, mask]);
            request.RawInputContents.Add([idBytes, maskBytes]);
        }
        else
        {
            request.Inputs.Add([mask, ids]);
            request.RawInputContents.Add([maskBytes, idBytes]);
        }

        return request;
    }

    public static InferParameter Param(string value) => new() { StringParam = value };

    public static InferParameter Param(bool value) => new() { BoolParam = value };

    public static InferParameter Param(long value) => new() { Int64Param = value };
}
