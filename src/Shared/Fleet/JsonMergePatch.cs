using System.Text.Json.Nodes;

namespace EdgeCloud.Shared.Fleet;

/// <summary>JSON merge patch (RFC 7386) and the deep merge used for "device-level keys win over group keys".</summary>
public static class JsonMergePatch
{
    /// <summary>Returns a new object: <paramref name="target"/> with <paramref name="patch"/> applied (null values remove keys).</summary>
    public static JsonObject Apply(JsonObject? target, JsonObject patch)
    {
        var result = target?.DeepClone().AsObject() ?? [];
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else if (value is JsonObject child)
            {
                result[key] = Apply(result[key] as JsonObject, child);
            }
            else
            {
                result[key] = value.DeepClone();
            }
        }

        return result;
    }
}
