using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.CloudHub.Fleet;

internal sealed partial class RolloutRun
{
    /// <summary>Waits, bounded by the wave timeout, until every device of the wave succeeded; returns the first failure.</summary>
    private async Task<string?> WaitForWaveAsync(Dictionary<string, long> versions, CancellationToken cancellationToken)
    {
        var timeout = _request.WaveTimeout ?? DefaultWaveTimeout;
        var waveStart = _d.Time.GetUtcNow().ToUnixTimeMilliseconds();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var expired = Task.Delay(timeout, _d.Time, deadline.Token);
        try
        {
            while (true)
            {
                var changed = _d.Registry.Changed;
                var pending = new List<string>();
                foreach (var (deviceId, version) in versions)
                {
                    switch (Evaluate(deviceId, version, waveStart))
                    {
                        case { } failure when failure.Length > 0:
                            Update(s => s with { Failed = [.. s.Failed, deviceId] });
                            return $"device '{deviceId}': {failure}";
                        case null:
                            pending.Add(deviceId);
                            break;
                    }
                }

                if (pending.Count == 0)
                {
                    Update(s => s with { Succeeded = [.. s.Succeeded, .. versions.Keys.Except(s.Succeeded)] });
                    return null;
                }

                await Task.WhenAny(changed, expired);
                cancellationToken.ThrowIfCancellationRequested();
                if (expired.IsCompleted)
                {
                    return $"wave {_status.Wave} timed out after {timeout}: no success reported by {string.Join(", ", pending)}";
                }
            }
        }
        finally
        {
            await deadline.CancelAsync();
        }
    }

    /// <summary>"" for success, a reason for failure, null while the device has not answered.</summary>
    private string? Evaluate(string deviceId, long version, long waveStart)
    {
        if (!_d.Registry.TryGet(deviceId, out var device) || device.Reported is not { } reported)
        {
            return null;
        }

        if (reported.Rejected.FirstOrDefault(r => r.Scope == "device" && r.Version == version) is { } rejection)
        {
            return $"refused desired version {version}: {rejection.Reason}";
        }

        if (!reported.Applied.TryGetValue("device", out var applied) || applied < version)
        {
            return null;
        }

        if (_manifest is not null && reported.Models.FirstOrDefault(m => m.Name == _manifest.Name) is var model
            && (model is null || model.Version != _manifest.Version || model.Error is not null))
        {
            return $"model {_manifest.Name}@{_manifest.Version} is not serving: {model?.Error ?? $"it runs version {model?.Version ?? "(none)"}"}";
        }

        if (device.Telemetry is { } telemetry && telemetry.Ts >= waveStart && telemetry.ErrorRate > _request.MaxErrorRate)
        {
            return $"error rate {telemetry.ErrorRate:P1} is over the limit {_request.MaxErrorRate:P1}";
        }

        return "";
    }

    /// <summary>Restores every touched device's previous desired document and, for a model, asks it to go back to its previous version.</summary>
    private async Task RollBackAsync(string reason)
    {
        Update(s => s with { State = RolloutStates.RollingBack, Reason = reason });
        Log.RolloutAborting(_d.Logger, _status.Id, _status.Group, reason);
        using var bounded = new CancellationTokenSource(RollbackTimeout, _d.Time);
        List<Touched> touched;
        lock (_lock)
        {
            touched = [.. _touched];
        }

        foreach (var (deviceId, previous) in Enumerable.Reverse(touched))
        {
            try
            {
                var servedNew = _manifest is not null && _d.Registry.TryGet(deviceId, out var device)
                    && device.Reported?.Models.Any(m => m.Name == _manifest.Name && m.Version == _manifest.Version) == true;
                await _d.Desired.RestoreAsync(DesiredScope.Device(_status.Fleet, deviceId), previous, bounded.Token);
                if (servedNew)
                {
                    var result = await _d.Commands.SendAsync(deviceId, FleetCommands.Rollback, _manifest!.Name, TimeSpan.FromSeconds(10), bounded.Token);
                    Log.RollbackCommand(_d.Logger, deviceId, result.Ok, result.Message);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException or KeyNotFoundException)
            {
                Log.RollbackFailed(_d.Logger, _status.Id, deviceId, ex.Message);
            }
        }

        Finish(RolloutStates.RolledBack, reason);
    }
}
