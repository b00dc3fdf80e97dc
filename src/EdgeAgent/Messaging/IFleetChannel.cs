namespace EdgeCloud.EdgeAgent.Messaging;

/// <summary>
/// The agent's MQTT link to the fleet, kept behind our own contract (STYLE 17). The channel owns the
/// connection (birth, will, reconnect, subscriptions); <see cref="IFleetMessageHandler"/> owns meaning.
/// </summary>
public interface IFleetChannel
{
    bool IsConnected { get; }

    /// <summary>Publishes with QoS 1 (or 0 when <paramref name="atMostOnce"/>). Throws when not connected.</summary>
    Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, bool retain, bool atMostOnce, CancellationToken cancellationToken);

    /// <summary>Subscribes to <paramref name="topic"/> again, so the broker redelivers its retained message (a full resync).</summary>
    Task ResubscribeAsync(string topic, CancellationToken cancellationToken);
}

/// <summary>Receives what arrives on the channel.</summary>
public interface IFleetMessageHandler
{
    /// <summary>The topics to subscribe to on every connection.</summary>
    IReadOnlyList<string> Subscriptions { get; }

    /// <summary>Called after each (re)connection, once birth is published and subscriptions are made.</summary>
    Task OnConnectedAsync(IFleetChannel channel, CancellationToken cancellationToken);

    /// <summary>One message; must not throw for bad input (refuse, log and count instead).</summary>
    Task OnMessageAsync(IFleetChannel channel, string topic, System.Buffers.ReadOnlySequence<byte> payload, CancellationToken cancellationToken);
}
