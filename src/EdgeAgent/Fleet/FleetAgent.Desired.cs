using System.Buffers;
using System.Text.Json.Nodes;
using EdgeCloud.EdgeAgent.Messaging;
using EdgeCloud.EdgeAgent.Security;
using EdgeCloud.Shared.Fleet;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;

namespace EdgeCloud.EdgeAgent.Fleet;

internal sealed partial class FleetAgent
{
    private async Task HandleAsync(IFleetChannel channel, string topic, ReadOnlySequence<byte> payload, CancellationToken cancellationToken)
    {
        if (topic.Length == 0)
        {
            await ReportAsync(cancellationToken);
            return;
        }

        if (topic == Topic(FleetTopics.Command))
        {
            await HandleCommandAsync(channel, payload, cancellationToken);
            return;
        }

        if (!TryScope(topic, out var scope, out var isPatch))
        {
            Reject(topic, FleetRejectReason.ForbiddenTopic, "not a desired or command topic of this device");
            return;
        }

        try
        {
            if (isPatch)
            {
                await HandlePatchAsync(channel, scope, topic, FleetPayload.Read(payload, FleetJsonContext.Default.DesiredPatch, _mqtt.MaxPayloadBytes), cancellationToken);
                return;
            }

            var document = FleetPayload.Read(payload, FleetJsonContext.Default.DesiredDocument, _mqtt.MaxPayloadBytes);
            if (_applied.TryGetValue(scope, out var current) && current.Version >= document.Version)
            {
                return; // already applied (a resync or a redelivery)
            }

            await ApplyAsync(scope, document, cancellationToken);
        }
        catch (FleetPayloadException ex)
        {
            Reject(topic, ex.Reason, ex.Message);
            AddRejection(new ReportedRejection(scope, -1, $"{ex.Reason}: {ex.Message}"));
            await _audit.RecordAsync(AgentAuditActions.ConfigApply, scope, $"refused ({ex.Reason}): {ex.Message}", cancellationToken);
            await ReportAsync(cancellationToken);
        }
    }

    private async Task HandlePatchAsync(IFleetChannel channel, string scope, string topic, DesiredPatch patch, CancellationToken cancellationToken)
    {
        _applied.TryGetValue(scope, out var current);
        if (current is null || patch.BaseVersion != current.Version || patch.Version != current.Version + 1)
        {
            if (current is null || patch.Version > current.Version)
            {
                Log.Resync(_logger, scope, current?.Version ?? 0, patch.BaseVersion, patch.Version);
                await channel.ResubscribeAsync(topic[..^"/patch".Length], cancellationToken);
            }

            return;
        }

        var models = (current.Models ?? []).Where(m => patch.Models?.All(p => p.Name != m.Name) ?? true).Concat(patch.Models ?? []).ToList();
        var next = new DesiredDocument(FleetSchema.Current, patch.Version, JsonMergePatch.Apply(current.Config, patch.Config ?? []), models);
        await ApplyAsync(scope, next, cancellationToken);
    }

    private async Task ApplyAsync(string scope, DesiredDocument document, CancellationToken cancellationToken)
    {
        var candidate = new Dictionary<string, DesiredDocument>(_applied, StringComparer.Ordinal) { [scope] = document };
        var config = MergedConfig(candidate);
        if (_validator.Validate(config, out var restartRequired) is { } error)
        {
            _counters.Rejected(FleetRejectReason.Invalid);
            Log.DesiredRejected(_logger, scope, document.Version, error);
            AddRejection(new ReportedRejection(scope, document.Version, error));
            await _audit.RecordAsync(AgentAuditActions.ConfigApply, $"{scope} v{document.Version}", $"rejected: {error}", cancellationToken);
            await ReportAsync(cancellationToken);
            return;
        }

        _configuration.Provider.Replace(FleetConfigurationSource.Flatten(config));
        _restartRequired = restartRequired;
        foreach (var manifest in MergedModels(candidate).Where(m => m.Placement != ModelPlacement.Cloud))
        {
            try
            {
                await _updater.EnsureAsync(manifest, cancellationToken);
                _modelErrors.Remove(manifest.Name);
            }
            catch (Exception ex) when (ex is InvalidDataException or InferenceException or InvalidOperationException or IOException)
            {
                _modelErrors[manifest.Name] = $"{manifest.Name}@{manifest.Version}: {ex.Message}";
                Log.ModelUpdateFailed(_logger, manifest.Name, manifest.Version, ex.Message);
            }
        }

        _applied[scope] = document;
        await _state.SaveLastKnownGoodAsync(scope, document, cancellationToken);
        Log.DesiredApplied(_logger, scope, document.Version);
        await _audit.RecordAsync(
            AgentAuditActions.ConfigApply, $"{scope} v{document.Version}", _restartRequired.Count == 0 ? "applied" : $"applied; restart required for {string.Join(", ", _restartRequired)}", cancellationToken);
        await ReportAsync(cancellationToken);
    }

    /// <summary>Loads the last-known-good documents at boot and applies their config (models are already on disk); audited.</summary>
    private async Task RestoreLastKnownGoodAsync(CancellationToken cancellationToken)
    {
        foreach (var (scope, document) in await _state.LoadLastKnownGoodAsync(cancellationToken))
        {
            if (scope == DeviceScope || _mqtt.Groups.Any(g => scope == GroupScope(g)))
            {
                _applied[scope] = document;
            }
        }

        _configuration.Provider.Replace(FleetConfigurationSource.Flatten(MergedConfig(_applied)));
        foreach (var (scope, document) in _applied)
        {
            await _audit.RecordAsync(AgentAuditActions.ConfigRestore, $"{scope} v{document.Version}", "last-known-good in force at start", cancellationToken);
        }
    }

    /// <summary>Groups in configured order, then the device: later keys win.</summary>
    private IEnumerable<DesiredDocument> Ordered(Dictionary<string, DesiredDocument> documents) =>
        _mqtt.Groups.Select(GroupScope).Append(DeviceScope).Where(documents.ContainsKey).Select(s => documents[s]);

    private JsonObject MergedConfig(Dictionary<string, DesiredDocument> documents) =>
        Ordered(documents).Aggregate(new JsonObject(), static (merged, d) => d.Config is null ? merged : JsonMergePatch.Apply(merged, d.Config));

    private List<ModelManifest> MergedModels(Dictionary<string, DesiredDocument> documents)
    {
        var models = new Dictionary<string, ModelManifest>(StringComparer.Ordinal);
        foreach (var manifest in Ordered(documents).SelectMany(d => d.Models ?? []))
        {
            models[manifest.Name] = manifest;
        }

        return [.. models.Values];
    }

    private bool TryScope(string topic, out string scope, out bool isPatch)
    {
        scope = "";
        isPatch = topic.EndsWith("/" + FleetTopics.DesiredPatch, StringComparison.Ordinal);
        if (topic == Topic(FleetTopics.Desired) || topic == Topic(FleetTopics.DesiredPatch))
        {
            scope = DeviceScope;
            return true;
        }

        if (FleetTopics.TryParseGroup(topic, out var fleet, out var group, out var leaf) && fleet == _agent.Fleet
            && _mqtt.Groups.Contains(group) && leaf is FleetTopics.Desired or FleetTopics.DesiredPatch)
        {
            scope = GroupScope(group);
            return true;
        }

        return false;
    }

    private static string GroupScope(string group) => $"group:{group}";

    private void AddRejection(ReportedRejection rejection)
    {
        _rejected.Add(rejection);
        if (_rejected.Count > MaxRejections)
        {
            _rejected.RemoveAt(0);
        }
    }
}
