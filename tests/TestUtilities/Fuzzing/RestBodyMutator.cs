using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using EdgeCloud.Protocol;

namespace EdgeCloud.TestUtilities.Fuzzing;

/// <summary>One hostile REST inference body: the bytes, the Inference-Header-Content-Length value to send (null: none), and what was done.</summary>
public sealed record RestCase(byte[] Body, string? HeaderLength, string Mutation);

/// <summary>
/// Turns a valid request into hostile v2 REST bodies that use the binary tensor data extension, deterministically from a
/// seed: header lengths that are wrong, garbage or absent, binary sizes that disagree with shapes or with the bytes sent,
/// truncated and padded binary sections, data beside binary_data_size, bad shapes and datatypes, broken JSON headers,
/// bad extension parameters and random bodies.
/// </summary>
public sealed class RestBodyMutator(ModelInferRequest valid, int seed)
{
    private static readonly string[] DataTypes = ["BOOL", "UINT8", "INT16", "INT64", "FP16", "FP32", "FP64", "BYTES", "", "fp32"];
    private static readonly long[] Dims = [-1, 0, 1, 3, 48, int.MaxValue, 1L << 40, long.MaxValue, 4611686018427387905];
    private static readonly string[] HeaderValues = ["-1", "abc", "", " 12", "1e3", "99999999999", "2147483648", "0x10"];
    private readonly Random _random = new(seed);

    public RestCase Next()
    {
        var inputs = valid.Inputs.Select((input, i) => (Json: Input(input, valid.RawInputContents[i].Length), Bytes: valid.RawInputContents[i].ToByteArray())).ToList();
        var root = new JsonObject { ["inputs"] = new JsonArray([.. inputs.Select(i => (JsonNode)i.Json)]) };
        var applied = new List<string>();
        string? header = null;
        var headerDelta = 0;
        var binary = inputs.SelectMany(i => i.Bytes).ToList();
        var corruptJson = false;
        for (var n = _random.Next(1, 3); n > 0; n--)
        {
            var target = inputs[_random.Next(inputs.Count)].Json;
            switch (_random.Next(12))
            {
                case 0:
                    headerDelta = _random.Next(-64, 65);
                    applied.Add("header-off");
                    break;
                case 1:
                    header = HeaderValues[_random.Next(HeaderValues.Length)];
                    applied.Add("header-garbage");
                    break;
                case 2:
                    header = "";
                    applied.Add(_random.Next(2) == 0 ? "header-missing" : "header-blank");
                    break;
                case 3:
                    target["parameters"]!["binary_data_size"] = _random.Next(3) switch { 0 => -4, 1 => long.MaxValue, _ => (long)_random.Next(0, 1 << 20) };
                    applied.Add("size");
                    break;
                case 4:
                    binary.RemoveRange(0, _random.Next(binary.Count + 1));
                    applied.Add("truncated-binary");
                    break;
                case 5:
                    binary.AddRange(Bytes(_random.Next(1, 4096)));
                    applied.Add("padded-binary");
                    break;
                case 6:
                    target["data"] = new JsonArray(1, 2, 3);
                    applied.Add("data-and-size");
                    break;
                case 7:
                    target["shape"] = new JsonArray([.. Enumerable.Range(0, _random.Next(0, 6)).Select(_ => JsonValue.Create(Dims[_random.Next(Dims.Length)]))]);
                    applied.Add("shape");
                    break;
                case 8:
                    target["datatype"] = DataTypes[_random.Next(DataTypes.Length)];
                    applied.Add("datatype");
                    break;
                case 9:
                    root["parameters"] = new JsonObject { ["binary_data_output"] = _random.Next(2) == 0 ? "yes" : true };
                    root["outputs"] = new JsonArray(new JsonObject { ["name"] = "no-such-output", ["parameters"] = new JsonObject { ["binary_data"] = _random.Next(2) == 0 } });
                    applied.Add("binary-output");
                    break;
                case 10:
                    target["parameters"]!["binary_data_size"] = "many";
                    applied.Add("size-text");
                    break;
                default:
                    corruptJson = true;
                    applied.Add("json-garbage");
                    break;
            }
        }

        var json = Encoding.UTF8.GetBytes(root.ToJsonString());
        if (corruptJson)
        {
            json[_random.Next(json.Length)] = (byte)_random.Next(256);
        }

        header ??= (json.Length + headerDelta).ToString(CultureInfo.InvariantCulture);
        return new RestCase([.. json, .. binary], applied.Contains("header-missing") ? null : header, string.Join("+", applied));
    }

    private static JsonObject Input(ModelInferRequest.Types.InferInputTensor input, int bytes) => new()
    {
        ["name"] = input.Name,
        ["datatype"] = input.Datatype,
        ["shape"] = new JsonArray([.. input.Shape.Select(d => JsonValue.Create(d))]),
        ["parameters"] = new JsonObject { ["binary_data_size"] = bytes },
    };

    private byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }
}
