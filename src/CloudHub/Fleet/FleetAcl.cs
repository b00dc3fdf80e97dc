using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>
/// Topic rules for a device: it publishes only its own report leaves and subscribes only within its own
/// subtree (<c>edgecloud/v1/{fleet}/devices/{id}/…</c>) and to its groups' desired topics.
/// </summary>
internal static class FleetAcl
{
    public static bool CanPublish(DeviceRecord device, string topic, out string leaf)
    {
        leaf = "";
        return FleetTopics.TryParseDevice(topic, out var fleet, out var id, out leaf)
            && fleet == device.Fleet && id == device.Id && FleetIntake.IsIntakeLeaf(leaf);
    }

    public static bool CanSubscribe(DeviceRecord device, string filter)
    {
        var own = FleetTopics.Device(device.Fleet, device.Id, "");
        if (filter.StartsWith(own, StringComparison.Ordinal))
        {
            var rest = filter[own.Length..];
            return rest.Length > 0 && !rest.Contains('+', StringComparison.Ordinal)
                && (rest.IndexOf('#', StringComparison.Ordinal) is var hash && (hash < 0 || (hash == rest.Length - 1 && (hash == 0 || rest[hash - 1] == '/'))));
        }

        return device.Groups.Any(g =>
            filter == FleetTopics.Group(device.Fleet, g, FleetTopics.Desired) || filter == FleetTopics.Group(device.Fleet, g, FleetTopics.DesiredPatch));
    }
}
