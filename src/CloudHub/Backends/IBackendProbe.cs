namespace EdgeCloud.CloudHub.Backends;

/// <summary>One active health probe of a backend. The seam tests script.</summary>
internal interface IBackendProbe
{
    /// <summary>Whether the backend is ready to serve its model; false on any failure or after its probe timeout.</summary>
    Task<bool> ProbeAsync(RemoteBackend backend, CancellationToken cancellationToken);
}
