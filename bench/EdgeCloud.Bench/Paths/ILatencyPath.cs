using EdgeCloud.Bench.Measurement;

namespace EdgeCloud.Bench.Paths;

/// <summary>One way of serving the same request, timed one call at a time.</summary>
internal interface ILatencyPath
{
    string Name { get; }

    PathRole Role { get; }

    /// <summary>Runs one request to completion (response fully received).</summary>
    ValueTask InvokeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The sum of the first output's elements, to check that every path computes the same result;
    /// null for paths that run no model.
    /// </summary>
    ValueTask<double?> ChecksumAsync(CancellationToken cancellationToken);
}
