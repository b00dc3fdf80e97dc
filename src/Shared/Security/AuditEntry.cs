namespace EdgeCloud.Shared.Security;

/// <summary>One audit record: who did what to which target, when, with what result, and its chain links.</summary>
public sealed record AuditEntry(long Sequence, long UnixMs, string Actor, string Action, string Target, string Result, string PreviousHash, string Hash);
