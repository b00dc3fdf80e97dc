using EdgeCloud.Quantization.Calibration;
using EdgeCloud.Quantization.Onnx;
using EdgeCloud.Quantization.Runtime;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeCloud.Quantization.Tests.Conformance;

/// <summary>
/// ONNX Runtime 1.31 runs the conformance case of every operator the converters emit and matches ONNX's
/// reference outputs, read with our own onnx.proto; our proto also re-serializes each model byte for byte.
/// </summary>
public sealed class OnnxBackendConformanceTests
{
    [Theory]
    [MemberData(nameof(OnnxBackendCases.EmittedOperators), MemberType = typeof(OnnxBackendCases))]
    public void Run_ConformanceCase_MatchesReferenceOutputs(string name)
    {
        var directory = OnnxBackendCases.Case(name);
        var model = OnnxModelFile.Read(Path.Combine(directory, "model.onnx"));
        var inputNames = model.Graph.Input.Select(i => i.Name).ToList();
        var set = Path.Combine(directory, "test_data_set_0");
        var inputs = TestDataSets.Load(set, inputNames)[0];
        using var runner = new ModelRunner(Path.Combine(directory, "model.onnx"));

        var actual = runner.Run(inputs);

        var outputs = Directory.GetFiles(set, "output_*.pb").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(outputs);
        for (var k = 0; k < outputs.Count; k++)
        {
            var expected = SampleTensor.FromProto(TestDataSets.ReadTensor(outputs[k]));
            var got = actual[model.Graph.Output[k].Name];
            Assert.Equal(expected.ElementType, got.ElementType);
            Assert.Equal(expected.Shape, got.Shape);
            AssertClose(expected, got, $"{name} output {k}");
        }
    }

    [Theory]
    [MemberData(nameof(OnnxBackendCases.EmittedOperators), MemberType = typeof(OnnxBackendCases))]
    public void ReadThenWrite_ConformanceModel_IsByteIdentical(string name)
    {
        var path = Path.Combine(OnnxBackendCases.Case(name), "model.onnx");

        var written = OnnxModelFile.Read(path).ToByteArray();

        Assert.Equal(File.ReadAllBytes(path), written);
    }

    private static void AssertClose(SampleTensor expected, SampleTensor actual, string what)
    {
        if (expected.ElementType is TensorElementType.Float or TensorElementType.Float16 or TensorElementType.Double)
        {
            var want = expected.ToFloats();
            var got = actual.ToFloats();
            for (var i = 0; i < want.Length; i++)
            {
                Assert.True(Math.Abs(want[i] - got[i]) <= 1e-4 + (1e-4 * Math.Abs(want[i])), $"{what}[{i}]: expected {want[i]}, got {got[i]}");
            }
        }
        else
        {
            Assert.Equal(expected.Data, actual.Data);
        }
    }
}
