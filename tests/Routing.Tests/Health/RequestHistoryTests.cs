using EdgeCloud.Routing.Health;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.Routing.Tests.Health;

public sealed class RequestHistoryTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider _time = new();
    private readonly RequestHistory _history = new();

    [Fact]
    public void Add_MixedOutcomes_ReturnsTotalsOfTheWindow()
    {
        _history.Add(failed: true, Window, _time);
        _history.Add(failed: false, Window, _time);
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal((4, 0.5), Add(true, false));
    }

    [Fact]
    public void Add_OutcomesOlderThanTheWindow_AreDropped()
    {
        _history.Add(failed: true, Window, _time);
        _time.Advance(TimeSpan.FromSeconds(30));
        _history.Add(failed: true, Window, _time);
        _time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal((2, 0.5), _history.Add(failed: false, Window, _time));
    }

    [Fact]
    public void Add_ManyOutcomesInOneBucket_CountsEachOnce()
    {
        for (var i = 0; i < 10_000; i++)
        {
            _history.Add(failed: i % 4 == 0, Window, _time);
        }

        _time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal((10_001, 2_500 / 10_001.0), _history.Add(failed: false, Window, _time));
    }

    [Fact]
    public void Clear_AfterOutcomes_StartsAfresh()
    {
        _history.Add(failed: true, Window, _time);

        _history.Clear();

        Assert.Equal((1, 0.0), _history.Add(failed: false, Window, _time));
    }

    private (int, double) Add(params bool[] failed)
    {
        (int, double) result = default;
        foreach (var f in failed)
        {
            result = _history.Add(f, Window, _time);
        }

        return result;
    }
}
