using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeCloud.EdgeAgent.Fleet;

/// <summary>
/// A configuration source fed by the fleet's desired state, added last so it wins over local files.
/// Replacing its data raises a reload, so <c>IOptionsMonitor</c> consumers (routing thresholds) and the
/// logging filters (<c>Logging:LogLevel</c>) take the new values at once.
/// </summary>
public sealed class FleetConfigurationSource : IConfigurationSource
{
    /// <summary>The sections a desired document may set, and where each lands in configuration.</summary>
    public static IReadOnlyDictionary<string, string> Sections { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Routing"] = "Agent:Routing",
        ["Cache"] = "Agent:Cache",
        ["Cloud"] = "Agent:Cloud",
        ["Logging"] = "Logging",
    };

    internal FleetConfigurationProvider Provider { get; } = new();

    public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;

    /// <summary>Flattens a desired <c>config</c> object into configuration keys (arrays by index).</summary>
    public static Dictionary<string, string?> Flatten(JsonObject? config)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, node) in config ?? [])
        {
            if (Sections.TryGetValue(section, out var prefix))
            {
                Flatten(node, prefix, data);
            }
        }

        return data;
    }

    private static void Flatten(JsonNode? node, string path, Dictionary<string, string?> data)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Flatten(child, $"{path}:{key}", data);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Flatten(array[i], $"{path}:{i.ToString(CultureInfo.InvariantCulture)}", data);
                }

                break;
            case JsonValue value:
                data[path] = value.GetValueKind() switch
                {
                    JsonValueKind.String => value.GetValue<string>(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => value.ToJsonString(),
                };
                break;
            default:
                data[path] = null;
                break;
        }
    }
}

/// <summary>The provider behind <see cref="FleetConfigurationSource"/>.</summary>
internal sealed class FleetConfigurationProvider : ConfigurationProvider
{
    public void Replace(Dictionary<string, string?> data)
    {
        Data = data;
        OnReload();
    }

    public IReadOnlyDictionary<string, string?> Current => new Dictionary<string, string?>(Data, StringComparer.OrdinalIgnoreCase);
}
