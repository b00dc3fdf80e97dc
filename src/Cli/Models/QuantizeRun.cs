using System.Globalization;
using EdgeCloud.Quantization;
using EdgeCloud.Quantization.Calibration;
using EdgeCloud.Quantization.Gate;
using EdgeCloud.Quantization.Onnx;
using EdgeCloud.Quantization.Publishing;
using EdgeCloud.Quantization.Runtime;
using EdgeCloud.Quantization.Static;
using EdgeCloud.Shared.Models;

namespace EdgeCloud.Cli.Models;

/// <summary>One <c>models quantize</c> invocation: load samples, convert, gate, publish, then record the variant in config.json.</summary>
internal sealed class QuantizeRun(
    FileInfo model,
    QuantizationMode mode,
    FileInfo output,
    DirectoryInfo? calibration,
    bool percentile,
    DirectoryInfo? evaluation,
    string? gate,
    FileInfo? vocab,
    bool updateConfig)
{
    public int Execute(TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (!model.Exists)
            {
                throw new QuantizationException($"--model {model.FullName} does not exist");
            }

            var spec = gate is null ? null : GateSpec.Parse(gate);
            var configPath = ConfigPath();
            var inputs = InputNames();
            var request = new QuantizeRequest
            {
                ModelPath = model.FullName,
                Mode = mode,
                OutputPath = output.FullName,
                Calibration = Calibration(inputs),
                Evaluation = Evaluation(spec, inputs),
                Gate = spec,
                Static = new StaticInt8Options { Method = percentile ? CalibrationMethod.Percentile : CalibrationMethod.MinMax },
            };
            var result = VariantPublisher.Publish(request);
            Report(stdout, result);
            if (!result.Published)
            {
                stderr.WriteLine($"rejected: {result.Gate}; {output.FullName} was not written");
                return ExitCodes.GateRejected;
            }

            stdout.WriteLine($"wrote {output.FullName}");
            RecordVariant(stdout, configPath);
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is QuantizationException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary><c>{repo}/{model}/config.json</c> when the variant goes beside the fp32 file in <c>{repo}/{model}/{version}/</c>.</summary>
    private string? ConfigPath()
    {
        if (!updateConfig || model.Directory?.Parent is not { } modelFolder)
        {
            return null;
        }

        var path = Path.Combine(modelFolder.FullName, "config.json");
        if (!File.Exists(path) || !string.Equals(output.Directory?.FullName, model.Directory.FullName, StringComparison.Ordinal))
        {
            return null;
        }

        ModelConfigReader.Read(path, modelFolder.Name);
        return path;
    }

    private void RecordVariant(TextWriter stdout, string? configPath)
    {
        if (configPath is null)
        {
            stdout.WriteLine(updateConfig
                ? "config.json not updated: a variant is listed only when its file sits beside model.onnx in {repo}/{model}/{version}/"
                : "config.json not updated (--no-config)");
            return;
        }

        var precision = QuantizationModes.Precision(mode);
        ConfigVariants.AddVariant(configPath, precision, output.Name, precision, QuantizationModes.PreferOn(mode));
        ModelConfigReader.Read(configPath, Path.GetFileName(Path.GetDirectoryName(configPath)!));
        stdout.WriteLine($"added variant '{precision}' ({output.Name}, prefer_on {string.Join(",", QuantizationModes.PreferOn(mode))}) to {configPath}");
    }

    private List<string> InputNames()
    {
        var graph = OnnxModelFile.Read(model.FullName).Graph;
        var initializers = graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        return [.. graph.Input.Select(i => i.Name).Where(n => !initializers.Contains(n))];
    }

    private IReadOnlyList<IReadOnlyDictionary<string, SampleTensor>> Calibration(List<string> inputs)
    {
        if (calibration is not null)
        {
            return TestDataSets.Load(calibration.FullName, inputs);
        }

        return mode == QuantizationMode.Int8Static
            ? throw new QuantizationException("int8-static needs --calibration DIR: sample inputs as ONNX test data sets (test_data_set_N/input_K.pb)")
            : [];
    }

    private IReadOnlyList<IReadOnlyDictionary<string, SampleTensor>> Evaluation(GateSpec? spec, List<string> inputs)
    {
        if (spec?.Metric == GateMetric.MiniLmCosine)
        {
            return MiniLmEvaluation.Samples(VocabPath());
        }

        if (evaluation is not null)
        {
            return TestDataSets.Load(evaluation.FullName, inputs);
        }

        return spec is not null && calibration is null
            ? throw new QuantizationException($"the {spec} gate needs samples: pass --eval DIR (or --calibration DIR)")
            : [];
    }

    private string VocabPath()
    {
        if (vocab is not null)
        {
            return vocab.FullName;
        }

        var candidates = new[] { model.Directory!.FullName, model.Directory.Parent?.FullName }.OfType<string>().Select(d => Path.Combine(d, "vocab.txt"));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new QuantizationException("the minilm-cosine gate needs the tokenizer vocabulary: pass --vocab vocab.txt");
    }

    private static void Report(TextWriter stdout, PublishResult result)
    {
        stdout.WriteLine($"converted: {result.Report}");
        foreach (var note in result.Report.Notes)
        {
            stdout.WriteLine($"  note: {note}");
        }

        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"size: {result.Bytes / 1e6:F1} MB ({100.0 * result.Bytes / result.SourceBytes:F1}% of fp32's {result.SourceBytes / 1e6:F1} MB)"));
        if (result.Gate is not null)
        {
            stdout.WriteLine(result.Gate);
        }
    }
}
