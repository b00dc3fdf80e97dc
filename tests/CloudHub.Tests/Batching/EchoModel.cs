using System.Runtime.InteropServices;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Tensors;
using Google.Protobuf;

namespace EdgeCloud.CloudHub.Tests.Batching;

/// <summary>
/// A scripted model for batcher tests: input <c>x</c> FP32[batch, width]; outputs <c>doubled</c>
/// (2·x) and <c>row</c> INT64[batch, 1], each row's index in the run, which shows how requests were joined.
/// </summary>
internal static class EchoModel
{
    public static ModelSessionInfo Info { get; } = new(
        "echo",
        "1",
        "fp32",
        "cpu",
        [new TensorSpec("x", DataType.Fp32, [-1, -1]) { DimensionNames = ["batch", "width"] }],
        [
            new TensorSpec("doubled", DataType.Fp32, [-1, -1]) { DimensionNames = ["batch", "width"] },
            new TensorSpec("row", DataType.Int64, [-1, 1]) { DimensionNames = ["batch", ""] },
        ]);

    /// <summary>A request of <paramref name="rows"/> × <paramref name="width"/> values <paramref name="first"/>, <paramref name="first"/>+1, ….</summary>
    public static ModelInferRequest Request(float first, int rows = 1, int width = 3, bool raw = true, string id = "")
    {
        var values = Enumerable.Range(0, rows * width).Select(i => first + i).ToArray();
        var request = new ModelInferRequest { ModelName = "echo", Id = id };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = "x", Datatype = "FP32" };
        input.Shape.Add(rows);
        input.Shape.Add(width);
        request.Inputs.Add(input);
        if (raw)
        {
            request.RawInputContents.Add(ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())));
        }
        else
        {
            input.Contents = new InferTensorContents();
            input.Contents.Fp32Contents.AddRange(values);
        }

        return request;
    }

    /// <summary>What the model answers: the outputs asked for (all by default), raw when the request was raw.</summary>
    public static ModelInferResponse Run(ModelInferRequest request)
    {
        var input = request.Inputs[0];
        var values = request.RawInputContents.Count > 0
            ? MemoryMarshal.Cast<byte, float>(request.RawInputContents[0].Span).ToArray()
            : [.. input.Contents.Fp32Contents];
        var rows = input.Shape[0];
        var names = request.Outputs.Count == 0 ? ["doubled", "row"] : request.Outputs.Select(o => o.Name).ToArray();
        var response = new ModelInferResponse { ModelName = "echo", ModelVersion = "1", Id = request.Id };
        var raw = request.RawInputContents.Count > 0;
        foreach (var name in names)
        {
            var tensor = new ModelInferResponse.Types.InferOutputTensor { Name = name };
            response.Outputs.Add(tensor);
            if (name == "doubled")
            {
                tensor.Datatype = "FP32";
                tensor.Shape.Add(input.Shape);
                var doubled = values.Select(v => v * 2).ToArray();
                if (raw)
                {
                    response.RawOutputContents.Add(ByteString.CopyFrom(MemoryMarshal.AsBytes(doubled.AsSpan())));
                }
                else
                {
                    tensor.Contents = new InferTensorContents();
                    tensor.Contents.Fp32Contents.AddRange(doubled);
                }
            }
            else
            {
                tensor.Datatype = "INT64";
                tensor.Shape.Add([rows, 1]);
                var indices = Enumerable.Range(0, (int)rows).Select(i => (long)i).ToArray();
                if (raw)
                {
                    response.RawOutputContents.Add(ByteString.CopyFrom(MemoryMarshal.AsBytes(indices.AsSpan())));
                }
                else
                {
                    tensor.Contents = new InferTensorContents();
                    tensor.Contents.Int64Contents.AddRange(indices);
                }
            }
        }

        return response;
    }

    public static float[] Floats(ModelInferResponse response, string output)
    {
        var index = response.Outputs.Select(o => o.Name).ToList().IndexOf(output);
        return response.RawOutputContents.Count > 0
            ? MemoryMarshal.Cast<byte, float>(response.RawOutputContents[index].Span).ToArray()
            : [.. response.Outputs[index].Contents.Fp32Contents];
    }

    public static long[] Longs(ModelInferResponse response, string output)
    {
        var index = response.Outputs.Select(o => o.Name).ToList().IndexOf(output);
        return response.RawOutputContents.Count > 0
            ? MemoryMarshal.Cast<byte, long>(response.RawOutputContents[index].Span).ToArray()
            : [.. response.Outputs[index].Contents.Int64Contents];
    }
}
