using EdgeCloud.Quantization.Onnx;
using EdgeCloud.Quantization.Runtime;
using Google.Protobuf;

namespace EdgeCloud.Quantization.Calibration;

/// <summary>
/// Sample inputs stored as ONNX test data sets: <c>{dir}/test_data_set_N/input_K.pb</c>, each a serialized
/// TensorProto (the layout of ONNX's conformance tests). A tensor binds to the model input of its name,
/// or to the K-th input when it has no name.
/// </summary>
public static class TestDataSets
{
    public static IReadOnlyList<IReadOnlyDictionary<string, SampleTensor>> Load(string directory, IReadOnlyList<string> inputNames)
    {
        if (!Directory.Exists(directory))
        {
            throw new QuantizationException($"sample folder {directory} does not exist");
        }

        var sets = Directory.GetFiles(directory, "input_*.pb").Length > 0
            ? [directory]
            : Directory.GetDirectories(directory).Where(d => Directory.GetFiles(d, "input_*.pb").Length > 0).Order(StringComparer.Ordinal).ToList();
        if (sets.Count == 0)
        {
            throw new QuantizationException($"{directory} holds no input_*.pb files, nor folders of them (test_data_set_N/input_K.pb)");
        }

        return [.. sets.Select(set => LoadSet(set, inputNames))];
    }

    public static void Write(string directory, IReadOnlyList<IReadOnlyDictionary<string, SampleTensor>> samples)
    {
        for (var i = 0; i < samples.Count; i++)
        {
            var set = Path.Combine(directory, $"test_data_set_{i}");
            Directory.CreateDirectory(set);
            var k = 0;
            foreach (var (name, tensor) in samples[i])
            {
                File.WriteAllBytes(Path.Combine(set, $"input_{k++}.pb"), tensor.ToProto(name).ToByteArray());
            }
        }
    }

    public static TensorProto ReadTensor(string path)
    {
        try
        {
            return TensorProto.Parser.ParseFrom(File.ReadAllBytes(path));
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new QuantizationException($"{path}: not a serialized TensorProto: {ex.Message}", ex);
        }
    }

    private static Dictionary<string, SampleTensor> LoadSet(string set, IReadOnlyList<string> inputNames)
    {
        var sample = new Dictionary<string, SampleTensor>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(set, "input_*.pb"))
        {
            var tensor = ReadTensor(file);
            if (!int.TryParse(Path.GetFileNameWithoutExtension(file)["input_".Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                throw new QuantizationException($"{file}: expected a name input_K.pb with K the input's position");
            }

            var name = inputNames.Contains(tensor.Name) ? tensor.Name
                : index < inputNames.Count ? inputNames[index]
                : throw new QuantizationException($"{file}: the model has {inputNames.Count} inputs, none named '{tensor.Name}'");
            sample[name] = SampleTensor.FromProto(tensor);
        }

        return sample;
    }
}
