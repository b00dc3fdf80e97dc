namespace EdgeCloud.EdgeAgent.Storage;

/// <summary>
/// One numbered schema change. Applied once, in its own transaction, when the database's
/// <c>PRAGMA user_version</c> is below <paramref name="Version"/>. Never edit a shipped migration;
/// add the next number.
/// </summary>
internal sealed record EdgeMigration(int Version, string Name, string Sql);
