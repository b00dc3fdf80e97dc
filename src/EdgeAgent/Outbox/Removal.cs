namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>Events and accounted bytes removed from the outbox by one statement or pass.</summary>
internal readonly record struct Removal(long Events, long Bytes)
{
    public static Removal operator +(Removal left, Removal right) => new(left.Events + right.Events, left.Bytes + right.Bytes);

    public static Removal Add(Removal left, Removal right) => left + right;
}
