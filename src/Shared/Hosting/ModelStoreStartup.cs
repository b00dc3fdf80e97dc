using System.Collections.Concurrent;
using System.Diagnostics;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Shared.Hosting;

/// <summary>
/// Loads a host's models in the background once it starts, so the server is live at once and
/// ready when its models are. A model that fails to load is logged, reported as UNAVAILABLE and kept
/// in <see cref="Failed"/> until a later load of it succeeds; the others still serve.
/// </summary>
public sealed class ModelStoreStartup(ModelStore store, IReadOnlyList<string> only, InferenceOptions options, ILogger<ModelStoreStartup> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, string> _failed = new(StringComparer.Ordinal);

    /// <summary>Completes when the start-up load has finished, whatever its outcome.</summary>
    public Task Loaded => _loaded.Task;

    public bool IsLoaded => _loaded.Task.IsCompleted;

    /// <summary>The models the start-up load could not load, with why, less those loaded since.</summary>
    public IReadOnlyDictionary<string, string> Failed => _failed;

    /// <summary>Loads (or reloads) one model, logging the outcome. Throws NOT_FOUND/UNAVAILABLE on failure.</summary>
    public LoadedModel LoadOne(string name)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var model = store.Load(name);
            _failed.TryRemove(name, out _);
            Log.ModelLoaded(logger, name, model.Info.Version, model.Info.Variant, model.Info.ExecutionProvider,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (model.Info.ExecutionProvider != options.Providers[0])
            {
                Log.ProviderFallback(logger, name, model.Info.ExecutionProvider, options.Providers[0]);
            }

            return model;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or InvalidOperationException or NotSupportedException or OnnxRuntimeException or UnauthorizedAccessException)
        {
            Log.ModelLoadFailed(logger, name, ex.Message);
            throw new InferenceException(
                ex is InvalidOperationException && !store.ModelNames().Contains(name) ? InferenceErrorCode.NotFound : InferenceErrorCode.Unavailable,
                $"model '{name}' could not be loaded: {ex.Message}", ex);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => LoadAll(stoppingToken), stoppingToken);

    private void LoadAll(CancellationToken stoppingToken)
    {
        try
        {
            var names = only.Count > 0 ? only : store.ModelNames();
            var loaded = 0;
            foreach (var name in names)
            {
                stoppingToken.ThrowIfCancellationRequested();
                try
                {
                    LoadOne(name);
                    loaded++;
                }
                catch (InferenceException ex)
                {
                    // Logged in LoadOne; the other models still load.
                    _failed[name] = ex.Message;
                }
            }

            Log.RepositoryLoaded(logger, store.Root, loaded, names.Count);
        }
        finally
        {
            _loaded.TrySetResult();
        }
    }
}
