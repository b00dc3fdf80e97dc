using System.Text.Json;

namespace EdgeCloud.Shared.Models;

/// <summary>Reads and checks a <c>config.json</c>, naming the file and the field that is wrong.</summary>
public static class ModelConfigReader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static ModelConfig Read(string path, string folderName)
    {
        ModelConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<ModelConfig>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a valid model config: {ex.Message}", ex);
        }

        if (config is null)
        {
            throw new InvalidDataException($"{path}: expected a JSON object, got null");
        }

        var errors = Validate(config, folderName);
        return errors.Count == 0 ? config : throw new InvalidDataException($"{path}: {string.Join("; ", errors)}");
    }

    public static List<string> Validate(ModelConfig config, string folderName)
    {
        var errors = new List<string>();
        if (config.Name != folderName)
        {
            errors.Add($"name is '{config.Name}' but the folder is '{folderName}'; they must match");
        }

        if (!ModelPlacement.IsValid(config.Placement))
        {
            errors.Add($"placement must be edge, cloud or both, got '{config.Placement}'");
        }

        if (config.MaxBatchSize < 0)
        {
            errors.Add($"max_batch_size must be >= 0, got {config.MaxBatchSize}");
        }

        if (config.InstanceCount < 1)
        {
            errors.Add($"instance_count must be >= 1, got {config.InstanceCount}");
        }

        if (config.Variants.Count == 0)
        {
            errors.Add("variants must list at least one file");
        }

        if (config.Variants.Any(v => v.File.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(v.File)))
        {
            errors.Add("variant files must be plain names inside the version folder");
        }

        return errors;
    }
}
