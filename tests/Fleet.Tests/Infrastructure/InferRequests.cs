using System.Runtime.InteropServices;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Protocol;
using Google.Protobuf;

namespace EdgeCloud.Fleet.Tests.Infrastructure;

/// <summary>Inference requests the fleet tests send to agents and hubs.</summary>
internal static class InferRequests
{
    /// <summary>An ocr-cls request (a 48×192 text-line crop from <paramref name="seed"/>) that skips the result cache, so the model runs.</summary>
    public static ModelInferRequest OcrCls(int seed)
    {
        var random = new Random(seed);
        var pixels = new float[3 * 48 * 192];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)(random.NextDouble() - 0.5);
        }

        var request = new ModelInferRequest { ModelName = "ocr-cls", Id = $"cls-{seed}" };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = "x", Datatype = "FP32" };
        input.Shape.AddRange([1, 3, 48, 192]);
        request.Inputs.Add(input);
        request.RawInputContents.Add(ByteString.CopyFrom(MemoryMarshal.AsBytes(pixels.AsSpan())));
        request.Parameters[EdgeCloudParameters.Cache] = new InferParameter { BoolParam = false };
        return request;
    }

    /// <summary>A seed repository holding only <paramref name="model"/> (version 1), for an agent to start with.</summary>
    public static string SeedRepository(FleetEnvironment fleet, string model)
    {
        var seed = Path.Combine(fleet.Root, "seed-" + Guid.NewGuid().ToString("N")[..8]);
        TestUtilities.TestModels.CopyModel(model, seed);
        return seed;
    }
}
