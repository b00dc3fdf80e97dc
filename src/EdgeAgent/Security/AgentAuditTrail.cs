using System.Text.Json;
using EdgeCloud.EdgeAgent.Outbox;
using EdgeCloud.Shared.Security;

namespace EdgeCloud.EdgeAgent.Security;

/// <summary>
/// The agent's own audit trail: each security- or admin-relevant action (desired config applied or refused, a model
/// installed, refused or rolled back, the hub credential loaded, the on-device API refusing a caller) is appended to
/// the durable outbox as an <c>agent-audit</c> event, and reaches the hub's audit log when the link allows. An
/// entry that cannot be stored is logged, never thrown at the action it records. Entries never carry a secret.
/// </summary>
internal sealed class AgentAuditTrail(IOutbox outbox, ILogger<AgentAuditTrail> logger)
{
    /// <summary>Appends one entry and waits for it to be on disk.</summary>
    /// <returns>False when the outbox could not store it (logged).</returns>
    public async Task<bool> RecordAsync(string action, string target, string result, CancellationToken cancellationToken)
    {
        var record = DeviceAuditRecord.Create(action, target, result);
        var payload = JsonSerializer.SerializeToUtf8Bytes(record, DeviceAuditJsonContext.Default.DeviceAuditRecord);
        try
        {
            await outbox.AppendAsync(new OutboxEntry(null, OutboxKinds.AgentAudit, record.Action, payload), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is OutboxUnavailableException or ArgumentException)
        {
            Log.AuditNotStored(logger, record.Action, record.Target, record.Result, ex.Message);
            return false;
        }
    }
}
