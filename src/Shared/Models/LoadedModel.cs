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
    {
        Config = config;
        Session = session;
        Directory = directory;
    }

    public ModelConfig Config { get; }

    public ModelSession Session { get; }

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
            Session.Dispose();
        }
    }
}
