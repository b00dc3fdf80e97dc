using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>One rollout: canary wave, then the rest in waves; on any failure, timeout or abort, roll back what it touched.</summary>
internal sealed partial class RolloutRun
{
    private static readonly TimeSpan DefaultWaveTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RollbackTimeout = TimeSpan.FromSeconds(30);

    private readonly RolloutRequest _request;
    private readonly ModelManifest? _manifest;
    private readonly RolloutDependencies _d;
    private readonly Action<RolloutStatus> _save;
    private readonly CancellationTokenSource _cancel;
    private readonly List<Touched> _touched = [];
    private readonly Lock _lock = new();
    private string _abortReason = "the hub is stopping";
    private RolloutStatus _status;
    private Task _completion = Task.CompletedTask;

    public RolloutRun(string id, string fleet, RolloutRequest request, ModelManifest? manifest, RolloutDependencies dependencies, Action<RolloutStatus> save, CancellationToken stopping)
    {
        _request = request;
        _manifest = manifest;
        _d = dependencies;
        _save = save;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var target = manifest is null ? "config" : $"model {manifest.Name}@{manifest.Version}";
        _status = new RolloutStatus(id, fleet, request.Group, target, RolloutStates.Running, 0, 0, [], [], null, dependencies.Time.GetUtcNow().ToUnixTimeMilliseconds(), null);
    }

    public RolloutStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    public Task Completion => _completion;

    public void Start() => _completion = Task.Run(RunAsync);

    public void Abort(string reason)
    {
        _abortReason = reason;
        _cancel.Cancel();
    }

    private async Task RunAsync()
    {
        try
        {
            var waves = PlanWaves();
            if (waves.Count == 0)
            {
                await RollBackAsync($"group '{_request.Group}' has no registered devices");
                return;
            }

            Update(s => s with { Waves = waves.Count });
            for (var i = 0; i < waves.Count; i++)
            {
                Update(s => s with { Wave = i + 1 });
                var versions = await ApplyAsync(waves[i], _cancel.Token);
                var failure = await WaitForWaveAsync(versions, _cancel.Token);
                if (failure is not null)
                {
                    await RollBackAsync(failure);
                    return;
                }
            }

            await PromoteAsync(_cancel.Token);
            Finish(RolloutStates.Succeeded, null);
        }
        catch (OperationCanceledException)
        {
            await RollBackAsync(_abortReason);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            await RollBackAsync($"rollout failed: {ex.Message}");
        }
        finally
        {
            _cancel.Dispose();
        }
    }

    private List<List<string>> PlanWaves()
    {
        var devices = _d.Registry.All
            .Where(d => d.Fleet == _status.Fleet && d.Groups.Contains(_request.Group))
            .Select(d => d.Id)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (devices.Count == 0)
        {
            return [];
        }

        var canary = Math.Max(1, (int)Math.Ceiling(devices.Count * _request.CanaryPercent / 100.0));
        var waves = new List<List<string>> { devices[..canary] };
        var rest = devices[canary..];
        var size = (int)Math.Ceiling(rest.Count / (double)_request.Waves);
        for (var start = 0; start < rest.Count; start += size)
        {
            waves.Add(rest.GetRange(start, Math.Min(size, rest.Count - start)));
        }

        return waves;
    }

    private async Task<Dictionary<string, long>> ApplyAsync(List<string> wave, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var deviceId in wave)
        {
            var scope = DesiredScope.Device(_status.Fleet, deviceId);
            var previous = _d.Desired.Get(scope);
            lock (_lock)
            {
                _touched.Add(new Touched(deviceId, previous));
            }

            var document = _manifest is not null
                ? await _d.Desired.SetModelAsync(scope, _manifest, cancellationToken)
                : await _d.Desired.PatchConfigAsync(scope, _request.Config!, cancellationToken);
            versions[deviceId] = document.Version;
        }

        return versions;
    }

    private async Task PromoteAsync(CancellationToken cancellationToken)
    {
        var group = DesiredScope.Group(_status.Fleet, _request.Group);
        _ = _manifest is not null
            ? await _d.Desired.SetModelAsync(group, _manifest, cancellationToken)
            : await _d.Desired.PatchConfigAsync(group, _request.Config!, cancellationToken);
    }

    private void Update(Func<RolloutStatus, RolloutStatus> change)
    {
        RolloutStatus status;
        lock (_lock)
        {
            _status = status = change(_status);
        }

        _save(status);
    }

    private void Finish(string state, string? reason)
    {
        Update(s => s with { State = state, Reason = reason, FinishedAt = _d.Time.GetUtcNow().ToUnixTimeMilliseconds() });
        Log.RolloutFinished(_d.Logger, _status.Id, _status.Group, _status.Target, state, reason ?? "");
    }

    private sealed record Touched(string DeviceId, DesiredDocument? Previous);
}
