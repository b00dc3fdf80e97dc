namespace EdgeCloud.CloudHub.Batching;

/// <summary>
/// Section <c>Hub:Batching</c>. Each model's own batching settings live in its config.json
/// (<c>max_batch_size</c>, <c>dynamic_batching</c>); this switch turns them all off at once.
/// </summary>
public sealed class BatchingOptions
{
    public const string Section = "Hub:Batching";

    /// <summary>
    /// Batch the models whose config.json asks for it (<c>max_batch_size</c> &gt; 0 and a
    /// <c>dynamic_batching</c> section). Default true; false runs every request on its own.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
