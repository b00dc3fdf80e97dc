namespace EdgeCloud.Shared.Fleet;

/// <summary>
/// The MQTT fleet contract's topics (DESIGN.md "MQTT fleet contract"): everything lives under
/// <c>edgecloud/v1/{fleet}</c>; a device owns <c>…/devices/{id}/#</c> and reads its groups' desired topics.
/// </summary>
public static class FleetTopics
{
    public const string Prefix = "edgecloud/v1";

    public const string State = "state";
    public const string Desired = "desired";
    public const string DesiredPatch = "desired/patch";
    public const string Reported = "reported";
    public const string Telemetry = "telemetry";
    public const string Events = "events";
    public const string Command = "cmd";
    public const string CommandResult = "cmd/result";

    /// <summary>Every device leaf the hub takes in, as subscription filters under a fleet wildcard.</summary>
    public static IReadOnlyList<string> HubIntakeFilters { get; } =
    [
        $"{Prefix}/+/devices/+/{State}",
        $"{Prefix}/+/devices/+/{Reported}",
        $"{Prefix}/+/devices/+/{Telemetry}",
        $"{Prefix}/+/devices/+/{Events}",
        $"{Prefix}/+/devices/+/{CommandResult}",
    ];

    public static string Device(string fleet, string deviceId, string leaf) => $"{Prefix}/{fleet}/devices/{deviceId}/{leaf}";

    public static string Group(string fleet, string group, string leaf) => $"{Prefix}/{fleet}/groups/{group}/{leaf}";

    public static string HubState(string fleet) => $"{Prefix}/{fleet}/hub/state";

    /// <summary>Splits <c>edgecloud/v1/{fleet}/devices/{id}/{leaf…}</c>; false for any other topic.</summary>
    public static bool TryParseDevice(string topic, out string fleet, out string deviceId, out string leaf) =>
        TryParse(topic, "devices", out fleet, out deviceId, out leaf);

    /// <summary>Splits <c>edgecloud/v1/{fleet}/groups/{group}/{leaf…}</c>; false for any other topic.</summary>
    public static bool TryParseGroup(string topic, out string fleet, out string group, out string leaf) =>
        TryParse(topic, "groups", out fleet, out group, out leaf);

    /// <summary>A fleet, device or group name: 1–64 of [A-Za-z0-9_.-], no MQTT wildcard or separator.</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 64 && name is not ("." or "..")
        && name.AsSpan().IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") < 0;

    private static bool TryParse(string topic, string kind, out string fleet, out string name, out string leaf)
    {
        fleet = name = leaf = "";
        if (!topic.StartsWith(Prefix + "/", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = topic[(Prefix.Length + 1)..].Split('/', 4);
        if (parts.Length != 4 || parts[1] != kind || !IsValidName(parts[0]) || !IsValidName(parts[2]) || parts[3].Length == 0)
        {
            return false;
        }

        (fleet, name, leaf) = (parts[0], parts[2], parts[3]);
        return true;
    }
}
