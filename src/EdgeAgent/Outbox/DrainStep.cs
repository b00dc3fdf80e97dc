namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>What the drainer does after one step: go on at once, sleep until work arrives, or back off.</summary>
internal readonly record struct DrainStep(bool Idle, TimeSpan? Backoff)
{
    public static DrainStep Continue => default;

    public static DrainStep Idling => new(true, null);

    public static DrainStep After(TimeSpan delay) => new(false, delay);
}
