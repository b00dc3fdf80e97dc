namespace EdgeCloud.Routing;

/// <summary>The production <see cref="IRandomSource"/>, over the thread-safe <see cref="Random.Shared"/>.</summary>
internal sealed class SystemRandomSource : IRandomSource
{
    public static SystemRandomSource Instance { get; } = new();

    public int Next(int maxExclusive) => Random.Shared.Next(maxExclusive);

    public double NextDouble() => Random.Shared.NextDouble();
}
