namespace EdgeCloud.TestUtilities;

/// <summary>What a <see cref="FaultProxy"/> does with its connections.</summary>
public enum FaultProxyMode
{
    /// <summary>Forward bytes both ways untouched.</summary>
    Pass,

    /// <summary>Close current connections (FIN) and close new ones as soon as they are accepted.</summary>
    Cut,

    /// <summary>Accept and hold connections, forwarding nothing either way; existing connections stall too.</summary>
    Blackhole,

    /// <summary>Forward, adding a fixed latency before each chunk in each direction.</summary>
    Delay,

    /// <summary>Abort current connections with RST; new ones are reset as soon as they are accepted.</summary>
    Reset,
}
