using System.CommandLine;
using EdgeCloud.Quantization;

namespace EdgeCloud.Cli.Models;

/// <summary>
/// <c>edgecloud models quantize --model M --mode int8-dynamic|int8-static|fp16 --out F [--calibration DIR] [--eval DIR] [--gate METRIC:T]</c>.
/// </summary>
internal static class QuantizeCommand
{
    public static Command Create()
    {
        var model = new Option<FileInfo>("--model") { Description = "The fp32 model, e.g. repo/minilm/1/model.onnx", Required = true };
        var mode = new Option<string>("--mode") { Description = "int8-dynamic (transformers, CPU), int8-static (conv nets, CPU) or fp16 (GPU)", Required = true };
        mode.AcceptOnlyFromAmong([.. QuantizationModes.Names]);
        var output = new Option<FileInfo>("--out") { Description = "Where to write the variant, e.g. repo/minilm/1/model.int8.onnx", Required = true };
        var calibration = new Option<DirectoryInfo?>("--calibration") { Description = "int8-static: folder of ONNX test data sets (test_data_set_N/input_K.pb)" };
        var method = new Option<string>("--calibration-method") { Description = "int8-static: minmax (default) or percentile", DefaultValueFactory = _ => "minmax" };
        method.AcceptOnlyFromAmong("minmax", "percentile");
        var evaluation = new Option<DirectoryInfo?>("--eval") { Description = "Samples the gate compares on (same layout); default: the calibration samples" };
        var gate = new Option<string?>("--gate") { Description = "Accuracy gate METRIC:THRESHOLD: minilm-cosine, output-cosine, top1 (at least) or max-abs (at most)" };
        var vocab = new Option<FileInfo?>("--vocab") { Description = "minilm-cosine: the tokenizer vocab.txt; default: found beside the model or its config.json" };
        var noConfig = new Option<bool>("--no-config") { Description = "Do not add the variant to the model's config.json" };

        var command = new Command("quantize", "Make an int8 or fp16 variant of an fp32 ONNX model, gate its accuracy, and add it to config.json")
        {
            model, mode, output, calibration, method, evaluation, gate, vocab, noConfig,
        };
        command.SetAction(parse => new QuantizeRun(
            parse.GetValue(model)!,
            QuantizationModes.Parse(parse.GetValue(mode)!),
            parse.GetValue(output)!,
            parse.GetValue(calibration),
            parse.GetValue(method) == "percentile",
            parse.GetValue(evaluation),
            parse.GetValue(gate),
            parse.GetValue(vocab),
            !parse.GetValue(noConfig)).Execute(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }
}
