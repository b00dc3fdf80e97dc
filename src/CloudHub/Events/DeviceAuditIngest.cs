using System.Text.Json;
using EdgeCloud.CloudHub.Security;
using EdgeCloud.Events;
using EdgeCloud.Shared.Security;

namespace EdgeCloud.CloudHub.Events;

/// <summary>
/// Appends the <c>agent-audit</c> events of an ingested batch to the hub's hash-chained audit log (security on),
/// with the device as the actor and the action prefixed <c>agent.</c>. It runs before the batch is stored and
/// acknowledged, and each event is appended once however often it is re-sent, so nothing acknowledged is lost
/// and nothing is doubled. An unreadable entry is still recorded (as <c>agent.unreadable</c>), never dropped.
/// </summary>
internal sealed class DeviceAuditIngest(AuditLog? audit = null)
{
    public const string ActionPrefix = "agent.";

    /// <summary>How many entries were new to the audit log.</summary>
    public int Append(PublishRequest request)
    {
        if (audit is null)
        {
            return 0; // security off: no audit log; the events are still stored
        }

        var appended = 0;
        foreach (var e in request.Events)
        {
            if (e.Kind != DeviceAuditRecord.Kind)
            {
                continue;
            }

            var (action, target, result) = Read(e);
            appended += audit.AppendFromDevice(request.DeviceId, e.Id, action, target, result) ? 1 : 0;
        }

        return appended;
    }

    private static (string Action, string Target, string Result) Read(Event e)
    {
        try
        {
            if (JsonSerializer.Deserialize(e.Payload.Span, DeviceAuditJsonContext.Default.DeviceAuditRecord) is { Action.Length: > 0 } sent)
            {
                var record = DeviceAuditRecord.Create(sent.Action, sent.Target ?? "", sent.Result ?? ""); // the same length limits as the agent's
                return (ActionPrefix + record.Action, record.Target, record.Result);
            }
        }
        catch (JsonException ex)
        {
            return (ActionPrefix + "unreadable", e.Type, $"the payload is not a device audit record: {ex.Message}");
        }

        return (ActionPrefix + "unreadable", e.Type, "the payload is not a device audit record: expected {\"schema\", \"action\", \"target\", \"result\"}");
    }
}
