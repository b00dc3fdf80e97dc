namespace EdgeCloud.Routing.Edge;

/// <summary>Where a model may run, from its model configuration.</summary>
public enum ModelPlacement
{
    /// <summary>On the device and in the cloud.</summary>
    Both,

    /// <summary>Only on the device.</summary>
    Edge,

    /// <summary>Only in the cloud.</summary>
    Cloud,
}
