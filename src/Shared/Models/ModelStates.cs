namespace EdgeCloud.Shared.Models;

/// <summary>Triton's model states, as RepositoryIndex reports them.</summary>
public static class ModelStates
{
    public const string Ready = "READY";
    public const string Unavailable = "UNAVAILABLE";
    public const string Loading = "LOADING";
}
