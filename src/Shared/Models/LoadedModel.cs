using EdgeCloud.Shared.Inference;

namespace EdgeCloud.Shared.Models;

/// <summary>
/// A model version in service. Reference-counted so that unloading or replacing it never pulls the
/// session out from under a request that is still running: the session is disposed by the last lease.
/// </summary>
public sealed class LoadedModel
{
    private int _references = 1;

    public LoadedModel(ModelConfig config, ModelSession session, string directory)
        : this(config, [session], directory)
    {
    }

    /// <param name="instances">One session per model instance (config <c>instance_count</c>), all of the same file.</param>
    public LoadedModel(ModelConfig config, IReadOnlyList<ModelSession> instances, string directory)
    {
        ArgumentOutOfRangeException.ThrowIfZero(instances.Count);
        Config = config;
        Instances = instances;
        Session = instances[0];
        Directory = directory;
    }

    public ModelConfig Config { get; }

    /// <summary>The first instance's session; every instance runs the same model file.</summary>
    public ModelSession Session { get; }

    /// <summary>
    /// The model's instances: independent sessions (each with its own threads, or its own CUDA stream),
    /// so that a host can run that many requests or batches at once. At least one.
    /// </summary>
    public IReadOnlyList<ModelSession> Instances { get; }

    /// <summary>The version folder the model was loaded from.</summary>
    public string Directory { get; }

    public ModelSessionInfo Info => Session.Info;

    /// <summary>Takes a lease, or returns false when the model has already been retired.</summary>
    public bool TryAcquire()
    {
        var current = Volatile.Read(ref _references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    /// <summary>Returns a lease; the store's own lease is returned when the model is retired.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            foreach (var instance in Instances)
            {
                instance.Dispose();
            }
        }
    }
}
