using System.Text.Json;

namespace EdgeCloud.Bench.Reporting;

/// <summary>Reads the hub's GC mode from its runtimeconfig.json (or the override it is started with), since it shapes tail latency on few cores.</summary>
internal static class HubRuntimeConfig
{
    private const string ServerGcVariable = "DOTNET_gcServer";

    public static string GcMode(string hubDll, IReadOnlyDictionary<string, string> hubEnvironment)
    {
        var overridden = hubEnvironment.TryGetValue(ServerGcVariable, out var value) || (value = Environment.GetEnvironmentVariable(ServerGcVariable)) is not null;
        if (overridden)
        {
            return $"{(value == "0" ? "Workstation GC" : "Server GC")} ({ServerGcVariable}={value})";
        }

        var path = Path.ChangeExtension(hubDll, ".runtimeconfig.json");
        if (!File.Exists(path))
        {
            return "GC mode unknown (no runtimeconfig.json)";
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var server = document.RootElement.TryGetProperty("runtimeOptions", out var options)
            && options.TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty("System.GC.Server", out var setting)
            && setting.ValueKind == JsonValueKind.True;
        return server ? "Server GC (runtimeconfig.json)" : "Workstation GC (runtimeconfig.json)";
    }
}
