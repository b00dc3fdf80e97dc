namespace EdgeCloud.Routing.Tests;

/// <summary>An <see cref="IRandomSource"/> that replays a script and fails the test when it runs out.</summary>
internal sealed class TestRandomSource(params int[] ints) : IRandomSource
{
    private readonly Queue<int> _ints = new(ints);
    private readonly Queue<double> _doubles = new();

    public int Remaining => _ints.Count;

    public TestRandomSource WithDoubles(params double[] doubles)
    {
        foreach (var value in doubles)
        {
            _doubles.Enqueue(value);
        }

        return this;
    }

    public int Next(int maxExclusive)
    {
        Assert.True(_ints.TryDequeue(out var value), "The random script ran out of integers.");
        Assert.InRange(value, 0, maxExclusive - 1);
        return value;
    }

    public double NextDouble()
    {
        Assert.True(_doubles.TryDequeue(out var value), "The random script ran out of doubles.");
        return value;
    }
}
