using EdgeCloud.Protocol;
using Google.Protobuf;

namespace EdgeCloud.TestUtilities.Fuzzing;

/// <summary>
/// Turns a valid ModelInferRequest into a hostile one, deterministically from a seed: wrong shapes (huge,
/// negative, zero, too many dims), datatypes, truncated or padded raw contents, NaN/Inf payloads, typed
/// contents of the wrong length, duplicate or missing inputs, random parameters and names.
/// </summary>
public sealed class InferRequestMutator(ModelInferRequest valid, int seed)
{
    private static readonly string[] DataTypes = ["BOOL", "UINT8", "INT8", "INT16", "INT32", "INT64", "FP16", "BF16", "FP32", "FP64", "BYTES", "", "FP8", "fp32", "\u0000"];
    private static readonly long[] Dims = [-1, -2, 0, 1, 3, 48, 192, int.MaxValue, 1L << 40, long.MaxValue, long.MinValue];
    private static readonly string[] ParameterKeys = ["edgecloud.route", "edgecloud.deadline_ms", "edgecloud.cache", "priority", "", "x"];
    private readonly Random _random = new(seed);

    public ModelInferRequest Next(out string mutation)
    {
        var request = valid.Clone();
        var count = _random.Next(1, 4);
        var applied = new List<string>();
        for (var i = 0; i < count; i++)
        {
            applied.Add(Mutate(request));
        }

        mutation = string.Join("+", applied);
        return request;
    }

    private string Mutate(ModelInferRequest request)
    {
        var input = request.Inputs.Count > 0 ? request.Inputs[_random.Next(request.Inputs.Count)] : null;
        switch (_random.Next(12))
        {
            case 0 when input is not null:
                input.Shape.Clear();
                input.Shape.AddRange(Enumerable.Range(0, _random.Next(0, 10)).Select(_ => Dims[_random.Next(Dims.Length)]));
                return "shape";
            case 1 when input is not null:
                input.Datatype = DataTypes[_random.Next(DataTypes.Length)];
                return "datatype";
            case 2 when request.RawInputContents.Count > 0:
                var index = _random.Next(request.RawInputContents.Count);
                var raw = request.RawInputContents[index].ToByteArray();
                request.RawInputContents[index] = ByteString.CopyFrom(raw.AsSpan(0, _random.Next(raw.Length + 1)));
                return "truncated-raw";
            case 3 when request.RawInputContents.Count > 0:
                request.RawInputContents.Add(ByteString.CopyFrom(Bytes(_random.Next(0, 4096))));
                return "extra-raw";
            case 4 when request.RawInputContents.Count > 0:
                var nan = new byte[request.RawInputContents[0].Length];
                for (var i = 0; i + 4 <= nan.Length; i += 4)
                {
                    BitConverter.TryWriteBytes(nan.AsSpan(i), _random.Next(3) switch { 0 => float.NaN, 1 => float.PositiveInfinity, _ => float.NegativeInfinity });
                }

                request.RawInputContents[0] = ByteString.CopyFrom(nan);
                return "nan-payload";
            case 5 when input is not null:
                request.RawInputContents.Clear();
                input.Contents = new InferTensorContents();
                input.Contents.Fp32Contents.AddRange(Enumerable.Range(0, _random.Next(0, 64)).Select(_ => (float)_random.NextDouble()));
                input.Contents.Int64Contents.AddRange(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => (long)_random.Next()));
                return "typed-contents";
            case 6:
                var key = ParameterKeys[_random.Next(ParameterKeys.Length)];
                request.Parameters[key] = _random.Next(3) switch
                {
                    0 => new InferParameter { StringParam = _random.Next(2) == 0 ? "cloud" : "\u00ff\u0000garbage" },
                    1 => new InferParameter { Int64Param = _random.Next(2) == 0 ? -1 : long.MaxValue },
                    _ => new InferParameter { BoolParam = _random.Next(2) == 0 },
                };
                return "parameter";
            case 7 when input is not null:
                request.Inputs.Add(input.Clone());
                return "duplicate-input";
            case 8:
                request.Inputs.Clear();
                return "no-inputs";
            case 9:
                request.ModelName = _random.Next(3) == 0 ? "" : request.ModelName + (char)_random.Next(32, 127);
                request.ModelVersion = _random.Next(2) == 0 ? "" : _random.Next(-5, 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return "model-name";
            case 10:
                request.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "no-such-output" });
                return "unknown-output";
            default:
                if (input is not null)
                {
                    input.Name = input.Name + "x";
                }

                return "input-name";
        }
    }

    private byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }
}
