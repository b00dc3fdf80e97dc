using System.Runtime.CompilerServices;
using EdgeCloud.CloudHub.Metrics;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;
using Microsoft.Extensions.Options;

namespace EdgeCloud.CloudHub.Batching;

/// <summary>
/// The batcher of each loaded model version, made on its first request. Keyed weakly by the
/// <see cref="LoadedModel"/>: a reloaded model gets a new batcher, while requests already queued
/// on the old one finish there under their own leases, and the old one goes with its model.
/// </summary>
internal sealed class ModelBatchers
{
    private readonly ConditionalWeakTable<LoadedModel, Holder> _batchers = [];
    private readonly ConditionalWeakTable<LoadedModel, Holder>.CreateValueCallback _create;
    private readonly BatchingOptions _options;
    private readonly InferenceOptions _inference;
    private readonly TimeProvider _time;
    private readonly HubMetrics _metrics;
    private readonly ILogger<DynamicBatcher> _logger;

    public ModelBatchers(
        IOptions<BatchingOptions> options, IOptions<InferenceOptions> inference, TimeProvider time, HubMetrics metrics, ILogger<DynamicBatcher> logger)
    {
        _options = options.Value;
        _inference = inference.Value;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _create = Create;
    }

    /// <summary>The model's batcher, or null when it runs unbatched.</summary>
    public DynamicBatcher? For(LoadedModel model) => _batchers.GetValue(model, _create).Batcher;

    private Holder Create(LoadedModel model)
    {
        if (!_options.Enabled || BatchPolicy.From(model.Config) is not { } policy)
        {
            return Holder.Unbatched;
        }

        if (BatchLayout.WhyNotBatchable(model.Info) is { } reason)
        {
            Log.NotBatchable(_logger, model.Info.Name, reason);
            return Holder.Unbatched;
        }

        Log.Batching(_logger, model.Info.Name, policy.ToString(), model.Instances.Count);
        return new Holder(new DynamicBatcher(new SessionInstanceRunner(model), policy, _inference.MaxElementsPerTensor, _time, _metrics, _logger));
    }

    private sealed record Holder(DynamicBatcher? Batcher)
    {
        public static Holder Unbatched { get; } = new(Batcher: null);
    }
}
