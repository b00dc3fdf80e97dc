using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>Whom a desired document is for: one device or one group of a fleet.</summary>
public sealed record DesiredScope(string Fleet, DesiredScopeKind Kind, string Name)
{
    public string Key => Kind == DesiredScopeKind.Device ? $"device:{Name}" : $"group:{Name}";

    public string Topic(string leaf = FleetTopics.Desired) =>
        Kind == DesiredScopeKind.Device ? FleetTopics.Device(Fleet, Name, leaf) : FleetTopics.Group(Fleet, Name, leaf);

    public static DesiredScope Device(string fleet, string id) => new(fleet, DesiredScopeKind.Device, id);

    public static DesiredScope Group(string fleet, string name) => new(fleet, DesiredScopeKind.Group, name);

    public override string ToString() => $"{Fleet}/{Key}";
}

public enum DesiredScopeKind
{
    Device,
    Group,
}
