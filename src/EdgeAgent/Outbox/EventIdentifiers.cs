namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>The rules for event ids and types: 1 to 128 printable ASCII characters, no spaces.</summary>
internal static class EventIdentifiers
{
    public const int MaxLength = 128;

    /// <summary>Null when <paramref name="value"/> is acceptable; otherwise what is wrong, naming <paramref name="field"/>.</summary>
    public static string? Check(string field, string value)
    {
        if (value.Length is 0 or > MaxLength)
        {
            return $"{field} must be 1 to {MaxLength} characters, got {value.Length}";
        }

        var bad = value.AsSpan().IndexOfAnyExceptInRange('!', '~');
        return bad < 0
            ? null
            : $"{field} must be printable ASCII without spaces, got U+{(int)value[bad]:X4} at position {bad}";
    }

    /// <summary>A new time-ordered id (UUIDv7 from <paramref name="timeProvider"/>'s clock).</summary>
    public static string NewId(TimeProvider timeProvider) => Guid.CreateVersion7(timeProvider.GetUtcNow()).ToString();
}
