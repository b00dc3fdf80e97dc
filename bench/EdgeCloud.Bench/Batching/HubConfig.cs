namespace EdgeCloud.Bench.Batching;

/// <summary>One way of serving the model: batching on or off, and how many instances.</summary>
/// <param name="Name">The column label.</param>
/// <param name="Batching">Hub:Batching:Enabled.</param>
/// <param name="Instances">The model's instance_count.</param>
internal sealed record HubConfig(string Name, bool Batching, int Instances)
{
    public static IReadOnlyList<HubConfig> All { get; } =
    [
        new("off", Batching: false, Instances: 1),
        new("on", Batching: true, Instances: 1),
        new("on, 2 inst.", Batching: true, Instances: 2),
    ];
}
