using EdgeCloud.Routing;

namespace EdgeCloud.Bench.BalancerSim;

/// <summary>The policies' randomness, scripted by a seed so every run draws the same sequence.</summary>
internal sealed class SeededRandomSource(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public double NextDouble() => _random.NextDouble();
}
