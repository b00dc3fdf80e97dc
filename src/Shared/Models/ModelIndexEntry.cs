namespace EdgeCloud.Shared.Models;

/// <summary>A model in the repository and its state: READY, UNAVAILABLE (with the reason) or not loaded.</summary>
public sealed record ModelIndexEntry(string Name, string Version, string State, string Reason);
