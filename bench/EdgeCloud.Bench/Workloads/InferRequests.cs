using EdgeCloud.Protocol;
using Google.Protobuf;

namespace EdgeCloud.Bench.Workloads;

/// <summary>Builds the v2 gRPC request for a workload, with <c>raw_input_contents</c> as the issue asks.</summary>
internal static class InferRequests
{
    public static ModelInferRequest Raw(ModelWorkload workload)
    {
        var request = new ModelInferRequest { ModelName = workload.Model };
        foreach (var tensor in workload.Inputs)
        {
            var input = new ModelInferRequest.Types.InferInputTensor { Name = tensor.Name, Datatype = tensor.Datatype };
            input.Shape.AddRange(tensor.Shape);
            request.Inputs.Add(input);
            request.RawInputContents.Add(ByteString.CopyFrom(tensor.Bytes));
        }

        return request;
    }
}
