namespace EdgeCloud.Shared.Fleet;

/// <summary><c>…/devices/{id}/cmd</c>: a command with a unique id; the result comes back on <c>…/cmd/result</c>.</summary>
public sealed record FleetCommand(int Schema, string Id, string Name, string? Model);

/// <summary><c>…/devices/{id}/cmd/result</c>: the outcome of the command with the same id.</summary>
public sealed record FleetCommandResult(int Schema, string Id, bool Ok, string Message);

/// <summary>Command names an agent understands.</summary>
public static class FleetCommands
{
    /// <summary>Go back to the previous model version (needs <see cref="FleetCommand.Model"/>) or, without a model, the previous config.</summary>
    public const string Rollback = "rollback";

    /// <summary>Publish reported state again.</summary>
    public const string Report = "report";
}
