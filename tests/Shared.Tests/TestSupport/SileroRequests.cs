using EdgeCloud.Protocol;

namespace EdgeCloud.Shared.Tests.TestSupport;

/// <summary>Requests for silero-vad: input FP32[1,512], state FP32[2,1,128], sr INT64 scalar.</summary>
internal static class SileroRequests
{
    public const int Samples = 512;
    public const int StateSize = 2 * 1 * 128;
    public const long SampleRate = 16000;

    /// <summary>A deterministic chunk of "speech-like" audio: a few tones with a slow envelope.</summary>
    public static float[] Audio(int seed = 1)
    {
        var audio = new float[Samples];
        for (var i = 0; i < audio.Length; i++)
        {
            var t = i / (double)SampleRate;
            var tone = Math.Sin(2 * Math.PI * (180 + (seed * 20)) * t) + (0.5 * Math.Sin(2 * Math.PI * 720 * t));
            audio[i] = (float)(0.3 * tone * Math.Sin(Math.PI * i / Samples));
        }

        return audio;
    }

    public static float[] State(float value = 0f) => Enumerable.Repeat(value, StateSize).ToArray();

    public static ModelInferRequest Raw(float[]? audio = null, float[]? state = null, long sampleRate = SampleRate)
    {
        audio ??= Audio();
        state ??= State();
        var request = new ModelInferRequest { ModelName = TestModels.SileroVad, Id = "raw-1" };
        request.Inputs.Add(Input("input", "FP32", 1, audio.Length));
        request.Inputs.Add(Input("state", "FP32", 2, 1, 128));
        request.Inputs.Add(Input("sr", "INT64"));
        request.RawInputContents.Add(RawBytes.Of(audio));
        request.RawInputContents.Add(RawBytes.Of(state));
        request.RawInputContents.Add(RawBytes.Of(sampleRate));
        return request;
    }

    public static ModelInferRequest Typed(float[]? audio = null, float[]? state = null, long sampleRate = SampleRate)
    {
        audio ??= Audio();
        state ??= State();
        var request = new ModelInferRequest { ModelName = TestModels.SileroVad, Id = "typed-1" };
        var input = Input("input", "FP32", 1, audio.Length);
        input.Contents = new InferTensorContents();
        input.Contents.Fp32Contents.AddRange(audio);
        var stateInput = Input("state", "FP32", 2, 1, 128);
        stateInput.Contents = new InferTensorContents();
        stateInput.Contents.Fp32Contents.AddRange(state);
        var sr = Input("sr", "INT64");
        sr.Contents = new InferTensorContents();
        sr.Contents.Int64Contents.Add(sampleRate);
        request.Inputs.Add(input);
        request.Inputs.Add(stateInput);
        request.Inputs.Add(sr);
        return request;
    }

    public static ModelInferRequest.Types.InferInputTensor Input(string name, string datatype, params long[] shape)
    {
        var input = new ModelInferRequest.Types.InferInputTensor { Name = name, Datatype = datatype };
        input.Shape.AddRange(shape);
        return input;
    }
}
