using System.Runtime.InteropServices;
using EdgeCloud.Protocol;
using Google.Protobuf;

namespace EdgeCloud.Bench.Throughput;

/// <summary>
/// Distinct seeded random images, one item each: as pinned buffers for in-process runs and as gRPC
/// requests with raw contents, so both paths compute on exactly the same values.
/// </summary>
internal sealed class ThroughputInputs
{
    public const int Count = 32;

    private ThroughputInputs(ThroughputModel model, float[][] items, string modelName)
    {
        Model = model;
        Items = items;
        Requests = [.. items.Select(item => Request(modelName, model, item))];
    }

    public ThroughputModel Model { get; }

    /// <summary>Pinned, so ONNX Runtime reads them in place.</summary>
    public float[][] Items { get; }

    public ModelInferRequest[] Requests { get; }

    public static ThroughputInputs Create(ThroughputModel model, string modelName, int seed = 1)
    {
        var random = new Random(seed);
        var items = new float[Count][];
        for (var i = 0; i < Count; i++)
        {
            items[i] = GC.AllocateArray<float>(checked((int)model.ElementsPerItem), pinned: true);
            for (var p = 0; p < items[i].Length; p++)
            {
                items[i][p] = (float)random.NextDouble();
            }
        }

        return new ThroughputInputs(model, items, modelName);
    }

    /// <summary>The first <paramref name="batch"/> items back to back, for one batched run (pinned).</summary>
    public float[] Batch(int batch)
    {
        var joined = GC.AllocateArray<float>(checked((int)(batch * Model.ElementsPerItem)), pinned: true);
        for (var i = 0; i < batch; i++)
        {
            Items[i % Count].CopyTo(joined, i * Items[0].Length);
        }

        return joined;
    }

    private static ModelInferRequest Request(string modelName, ThroughputModel model, float[] item)
    {
        var request = new ModelInferRequest { ModelName = modelName };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = model.InputName, Datatype = "FP32" };
        input.Shape.Add(model.RequestShape);
        request.Inputs.Add(input);
        request.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = model.OutputName });
        request.RawInputContents.Add(ByteString.CopyFrom(MemoryMarshal.AsBytes(item.AsSpan())));
        return request;
    }
}
