namespace EdgeCloud.Routing;

/// <summary>The seam through which routing draws randomness, so tests can script it.</summary>
public interface IRandomSource
{
    /// <summary>A non-negative integer less than <paramref name="maxExclusive"/>.</summary>
    int Next(int maxExclusive);

    /// <summary>A double in [0, 1).</summary>
    double NextDouble();
}
