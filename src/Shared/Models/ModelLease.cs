namespace EdgeCloud.Shared.Models;

/// <summary>Holds a <see cref="LoadedModel"/> in service for one request.</summary>
public readonly struct ModelLease : IDisposable
{
    public ModelLease(LoadedModel model)
    {
        Model = model;
    }

    public LoadedModel Model { get; }

    public void Dispose() => Model.Release();
}
