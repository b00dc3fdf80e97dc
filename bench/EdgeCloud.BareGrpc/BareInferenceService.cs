using System.Buffers;
using EdgeCloud.Protocol;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeCloud.BareGrpc;

/// <summary>
/// ModelInfer and nothing else: raw inputs pinned and handed to ONNX Runtime, every output copied into
/// <c>raw_output_contents</c>. No checks beyond what ONNX Runtime itself does: a bench reference, not a server.
/// </summary>
internal sealed class BareInferenceService(BareSession bare) : GRPCInferenceService.GRPCInferenceServiceBase
{
    public override Task<ModelInferResponse> ModelInfer(ModelInferRequest request, ServerCallContext context)
    {
        var count = request.Inputs.Count;
        var names = new string[count];
        var values = new OrtValue[count];
        var pins = new MemoryHandle[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                var input = request.Inputs[i];
                var raw = request.RawInputContents[i].Memory;
                pins[i] = raw.Pin();
                unsafe
                {
                    values[i] = OrtValue.CreateTensorValueWithData(
                        OrtMemoryInfo.DefaultInstance, ElementType(input.Datatype), [.. input.Shape], (nint)pins[i].Pointer, raw.Length);
                }

                names[i] = input.Name;
            }

            using var results = bare.Session.Run(bare.RunOptions, names, values, bare.OutputNames);
            var response = new ModelInferResponse { ModelName = request.ModelName, Id = request.Id };
            for (var o = 0; o < results.Count; o++)
            {
                var info = results[o].GetTensorTypeAndShape();
                var output = new ModelInferResponse.Types.InferOutputTensor { Name = bare.OutputNames[o], Datatype = Datatype(info.ElementDataType) };
                output.Shape.AddRange(info.Shape);
                response.Outputs.Add(output);
                response.RawOutputContents.Add(ByteString.CopyFrom(results[o].GetTensorMutableRawData()));
            }

            return Task.FromResult(response);
        }
        finally
        {
            for (var i = 0; i < count; i++)
            {
                values[i]?.Dispose();
                pins[i].Dispose();
            }
        }
    }

    private static string Datatype(TensorElementType type) => type switch
    {
        TensorElementType.Float => "FP32",
        TensorElementType.Int64 => "INT64",
        _ => type.ToString(),
    };

    private static TensorElementType ElementType(string datatype) => datatype switch
    {
        "FP32" => TensorElementType.Float,
        "INT64" => TensorElementType.Int64,
        "INT32" => TensorElementType.Int32,
        _ => throw new RpcException(new Status(StatusCode.InvalidArgument, $"the bare reference server takes FP32, INT64 or INT32 inputs, got {datatype}")),
    };
}
