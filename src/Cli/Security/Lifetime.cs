using System.Globalization;

namespace EdgeCloud.Cli.Security;

/// <summary>Key lifetimes as operators write them: a whole number and a unit, <c>3600s</c>, <c>90m</c>, <c>12h</c> or <c>30d</c>.</summary>
internal static class Lifetime
{
    public const string Examples = "3600s, 90m, 12h or 30d";

    public static bool TryParse(string? text, out TimeSpan lifetime)
    {
        lifetime = default;
        if (text is not { Length: >= 2 }
            || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count <= 0)
        {
            return false;
        }

        try
        {
            lifetime = text[^1] switch
            {
                's' => TimeSpan.FromSeconds(count),
                'm' => TimeSpan.FromMinutes(count),
                'h' => TimeSpan.FromHours(count),
                'd' => TimeSpan.FromDays(count),
                _ => TimeSpan.Zero,
            };
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            return false;
        }

        return lifetime > TimeSpan.Zero;
    }
}
