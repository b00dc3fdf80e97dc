using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeCloud.Quantization.Publishing;

/// <summary>
/// Adds (or replaces, by id) a variant in a model's <c>config.json</c>, leaving every other field as it was.
/// A config without <c>variants</c> means the default fp32 <c>model.onnx</c>, which is written out first.
/// The file is replaced by rename, so readers never see half of it.
/// </summary>
public static class ConfigVariants
{
    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    public static void AddVariant(string configPath, string id, string file, string precision, IReadOnlyList<string> preferOn)
    {
        JsonObject config;
        try
        {
            config = JsonNode.Parse(File.ReadAllText(configPath), documentOptions: ReadOptions) as JsonObject
                ?? throw new QuantizationException($"{configPath}: expected a JSON object");
        }
        catch (JsonException ex)
        {
            throw new QuantizationException($"{configPath}: not valid JSON: {ex.Message}", ex);
        }

        if (config["variants"] is not JsonArray variants)
        {
            variants = [new JsonObject { ["id"] = "fp32", ["file"] = "model.onnx", ["precision"] = "fp32" }];
            config["variants"] = variants;
        }

        foreach (var existing in variants.Where(v => v?["id"]?.GetValue<string>() == id).ToList())
        {
            variants.Remove(existing);
        }

        variants.Add(new JsonObject
        {
            ["id"] = id,
            ["file"] = file,
            ["precision"] = precision,
            ["prefer_on"] = new JsonArray([.. preferOn.Select(p => (JsonNode)p)]),
        });

        var temp = configPath + $".{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temp, config.ToJsonString(WriteOptions) + Environment.NewLine);
            File.Move(temp, configPath, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
