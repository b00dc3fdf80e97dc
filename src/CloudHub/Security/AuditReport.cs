using EdgeCloud.Shared.Security;

namespace EdgeCloud.CloudHub.Security;

/// <summary><c>GET /admin/v1/audit</c>: the entries, <paramref name="Verified"/> when the whole chain holds, else the first broken sequence.</summary>
public sealed record AuditReport(bool Verified, long? BrokenAt, IReadOnlyList<AuditEntry> Entries);
