using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Tests.TestSupport;

namespace EdgeCloud.Shared.Tests.Inference;

/// <summary>Every way a request can be wrong, each answered with a code and a message naming what to fix.</summary>
public sealed partial class ModelSessionTests
{
    [Fact]
    public void Run_UnknownRequestedOutput_ThrowsInvalidListingTheOutputs()
    {
        var request = SileroRequests.Raw();
        request.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "probability" });

        InferenceAssert.Invalid(
            () => _silero.Run(request, Token),
            "model 'silero-vad' has no output 'probability'",
            "expected outputs: output, stateN");
    }

    [Fact]
    public void Run_UnknownInputName_ThrowsInvalidListingTheInputs()
    {
        var request = SileroRequests.Raw();
        request.Inputs[2].Name = "sample_rate";

        InferenceAssert.Invalid(
            () => _silero.Run(request, Token),
            "model 'silero-vad' has no input 'sample_rate'",
            "expected inputs: input, state, sr");
    }

    [Fact]
    public void Run_DuplicateInput_ThrowsInvalidNamingIt()
    {
        var request = SileroRequests.Raw();
        request.Inputs.Add(SileroRequests.Input("sr", "INT64"));
        request.RawInputContents.Add(RawBytes.Of(16000L));

        InferenceAssert.Invalid(() => _silero.Run(request, Token), "input 'sr' appears more than once");
    }

    [Fact]
    public void Run_MissingInput_ThrowsInvalidNamingWhatIsMissing()
    {
        var request = SileroRequests.Raw();
        request.Inputs.RemoveAt(1);
        request.RawInputContents.RemoveAt(1);

        InferenceAssert.Invalid(
            () => _silero.Run(request, Token),
            "model 'silero-vad' expects inputs input, state, sr",
            "missing: state");
    }

    [Fact]
    public void Run_NoInputs_ThrowsInvalidNamingEveryMissingInput()
    {
        var request = new ModelInferRequest { ModelName = TestModels.SileroVad };

        InferenceAssert.Invalid(() => _silero.Run(request, Token), "missing: input, state, sr");
    }

    [Fact]
    public void Run_WrongDatatype_ThrowsInvalidWithExpectedAndGot()
    {
        var request = SileroRequests.Raw();
        request.Inputs[2].Datatype = "INT32";
        request.RawInputContents[2] = RawBytes.Of(16000);

        InferenceAssert.Invalid(() => _silero.Run(request, Token), "input 'sr'", "expected datatype INT64, got INT32");
    }

    [Fact]
    public void Run_WrongRank_ThrowsInvalidWithExpectedAndGot()
    {
        var request = SileroRequests.Raw();
        request.Inputs[0].Shape.Clear();
        request.Inputs[0].Shape.Add(512);

        InferenceAssert.Invalid(
            () => _silero.Run(request, Token),
            "input 'input'",
            "expected rank 2 with shape [-1,-1], got rank 1 with shape [512]");
    }

    [Fact]
    public void Run_ScalarInputSentAsVector_ThrowsInvalid()
    {
        var request = SileroRequests.Raw();
        request.Inputs[2].Shape.Add(1);

        InferenceAssert.Invalid(() => _silero.Run(request, Token), "input 'sr'", "expected rank 0 with shape []");
    }

    [Fact]
    public void Run_FixedDimensionMismatch_ThrowsInvalidNamingTheDimension()
    {
        var request = SileroRequests.Raw(state: new float[3 * 128]);
        request.Inputs[1].Shape.Clear();
        request.Inputs[1].Shape.AddRange([3, 1, 128]);

        InferenceAssert.Invalid(
            () => _silero.Run(request, Token),
            "input 'state'",
            "expected shape [2,-1,128], got [3,1,128]",
            "dimension 0 must be 2");
    }

    [Fact]
    public void Run_WrongByteLength_ThrowsInvalidWithExpectedAndGot()
    {
        var request = SileroRequests.Raw();
        request.RawInputContents[0] = RawBytes.Of(new float[511]);

        InferenceAssert.Invalid(
            () => _silero.Run(request, Token),
            "input 'input'",
            "expected 2048 bytes for FP32[1,512], got 2044");
    }

    [Fact]
    public void Run_RawCountDiffersFromInputCount_ThrowsInvalidWithBothCounts()
    {
        var request = SileroRequests.Raw();
        request.RawInputContents.RemoveAt(2);

        InferenceAssert.Invalid(
            () => _silero.Run(request, Token),
            "raw_input_contents has 2 entries but the request has 3 inputs");
    }

    [Fact]
    public void Run_TypedContentsMixedWithRaw_ThrowsInvalidNamingTheInput()
    {
        var request = SileroRequests.Raw();
        request.Inputs[2].Contents = new InferTensorContents();
        request.Inputs[2].Contents.Int64Contents.Add(16000);

        InferenceAssert.Invalid(
            () => _silero.Run(request, Token),
            "input 'sr'",
            "has typed contents while raw_input_contents is used");
    }

    [Fact]
    public void Run_WrongTypedCount_ThrowsInvalidWithExpectedAndGot()
    {
        var request = SileroRequests.Typed();
        request.Inputs[0].Contents.Fp32Contents.RemoveAt(0);

        InferenceAssert.Invalid(
            () => _silero.Run(request, Token),
            "input 'input'",
            "expected 512 values in fp32_contents for FP32[1,512], got 511");
    }

    [Fact]
    public void Run_TypedValuesInTheWrongField_ThrowsInvalid()
    {
        var request = SileroRequests.Typed();
        request.Inputs[2].Contents = new InferTensorContents();
        request.Inputs[2].Contents.IntContents.Add(16000);

        InferenceAssert.Invalid(
            () => _silero.Run(request, Token),
            "input 'sr'",
            "expected 1 values in int64_contents for INT64[], got 0");
    }

    [Fact]
    public void Run_InputOverTheElementLimit_ThrowsResourceExhausted()
    {
        using var small = ModelSession.Load(
            TestModels.SileroVad, "1", "fp32", TestModels.OnnxFile(TestModels.SileroVad), new InferenceOptions { MaxElementsPerTensor = 256 });

        InferenceAssert.Throws(
            InferenceErrorCode.ResourceExhausted,
            () => small.Run(SileroRequests.Raw(), Token),
            "input 'input'",
            "limit of 256 elements");
    }

    [Fact]
    public void Run_ModelFailsOnAValidlyShapedRequest_ThrowsInternalNamingTheModel()
    {
        // silero-vad needs at least two samples to pad; one passes validation but fails inside the model.
        var request = SileroRequests.Raw(audio: [0.1f]);

        InferenceAssert.Throws(InferenceErrorCode.Internal, () => _silero.Run(request, Token), "model 'silero-vad' failed to run");
    }
}
