using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>
/// Starts, tracks and aborts rollouts. Each runs on its own task with a token that the operator's abort
/// and the hub's shutdown cancel; every wait inside is bounded on <see cref="TimeProvider"/>, so no
/// rollout can wedge.
/// </summary>
internal sealed class RolloutManager : IDisposable
{
    private readonly RolloutDependencies _dependencies;
    private readonly HubDatabase _database;
    private readonly FleetHubOptions _options;
    private readonly ConcurrentDictionary<string, RolloutRun> _runs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public RolloutManager(RolloutDependencies dependencies, HubDatabase database, Microsoft.Extensions.Options.IOptions<FleetHubOptions> options)
    {
        _dependencies = dependencies;
        _database = database;
        _options = options.Value;
    }

    public RolloutStatus Start(RolloutRequest request)
    {
        var fleet = request.Fleet ?? _options.Name;
        var errors = Validate(request, fleet);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors));
        }

        ModelManifest? manifest = null;
        if (request.Model is not null)
        {
            manifest = _dependencies.Models.Find(request.Model, request.Version!)
                ?? throw new KeyNotFoundException($"model '{request.Model}' version {request.Version} is not published; publish it first");
        }

        if (_runs.Values.Any(r => r.Status.Fleet == fleet && r.Status.Group == request.Group && r.Status.State is RolloutStates.Running or RolloutStates.RollingBack))
        {
            throw new InvalidOperationException($"a rollout to group '{request.Group}' is already running; abort it or wait for it to finish");
        }

        var id = _dependencies.Time.GetUtcNow().ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var run = new RolloutRun(id, fleet, request, manifest, _dependencies, Save, _stopping.Token);
        _runs[id] = run;
        Save(run.Status);
        run.Start();
        return run.Status;
    }

    public RolloutStatus? Get(string id) => _runs.TryGetValue(id, out var run) ? run.Status : Load(id);

    public IReadOnlyList<RolloutStatus> List() => [.. _runs.Values.Select(r => r.Status).OrderBy(s => s.StartedAt)];

    /// <summary>Cancels a running rollout; it rolls back what it touched.</summary>
    public RolloutStatus Abort(string id)
    {
        if (!_runs.TryGetValue(id, out var run))
        {
            throw new KeyNotFoundException($"no rollout '{id}' is known to this hub run");
        }

        run.Abort("aborted by the operator");
        return run.Status;
    }

    /// <summary>Completes when the rollout has finished (succeeded or rolled back).</summary>
    public Task WhenFinished(string id) => _runs.TryGetValue(id, out var run) ? run.Completion : Task.CompletedTask;

    public void Dispose()
    {
        _stopping.Cancel();
        try
        {
            Task.WaitAll([.. _runs.Values.Select(r => r.Completion)], TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // each run logs its own failure
        }

        _stopping.Dispose();
    }

    private static List<string> Validate(RolloutRequest request, string fleet)
    {
        var errors = new List<string>();
        if (!FleetTopics.IsValidName(request.Group) || !FleetTopics.IsValidName(fleet))
        {
            errors.Add($"group '{request.Group}' and fleet '{fleet}' must be 1-64 of [A-Za-z0-9_.-]");
        }

        if ((request.Model is null) == (request.Config is null))
        {
            errors.Add("give either model and version, or config (a patch), not both and not neither");
        }

        if (request.Model is not null && string.IsNullOrEmpty(request.Version))
        {
            errors.Add($"model '{request.Model}': give the version to roll out");
        }

        if (request.CanaryPercent is < 1 or > 100)
        {
            errors.Add($"canaryPercent must be 1-100, got {request.CanaryPercent}");
        }

        if (request.Waves is < 1 or > 100)
        {
            errors.Add($"waves must be 1-100, got {request.Waves}");
        }

        if (request.MaxErrorRate is < 0 or > 1)
        {
            errors.Add($"maxErrorRate must be 0-1, got {request.MaxErrorRate}");
        }

        if (request.WaveTimeout is { } timeout && (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromDays(1)))
        {
            errors.Add($"waveTimeout must be over 0 and at most 1 day, got {timeout}");
        }

        return errors;
    }

    private void Save(RolloutStatus status) => _database.Write((c, t) =>
    {
        using var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = "INSERT INTO rollouts (id, document) VALUES ($id, $d) ON CONFLICT (id) DO UPDATE SET document = excluded.document";
        command.Parameters.AddWithValue("$id", status.Id);
        command.Parameters.AddWithValue("$d", JsonSerializer.Serialize(status, HubFleetJsonContext.Default.RolloutStatus));
        command.ExecuteNonQuery();
    });

    private RolloutStatus? Load(string id) => _database.Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT document FROM rollouts WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() is string json ? JsonSerializer.Deserialize(json, HubFleetJsonContext.Default.RolloutStatus) : null;
    });
}

/// <summary>What a rollout run works with.</summary>
internal sealed record RolloutDependencies(
    DesiredStateService Desired, DeviceRegistry Registry, FleetModelRegistry Models, FleetCommandSender Commands, TimeProvider Time, ILogger<RolloutManager> Logger);
