namespace EdgeCloud.Shared.Fleet;

/// <summary>
/// <c>…/devices/{id}/state</c>, retained: the agent's birth (<c>online:true</c>) and its will
/// (<c>online:false</c>, the same <paramref name="BdSeq"/>), so a late will never marks a newer session offline.
/// </summary>
public sealed record StateMessage(int Schema, bool Online, long BdSeq, long Ts);
