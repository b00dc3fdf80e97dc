namespace EdgeCloud.CloudHub.Fleet;

/// <summary>
/// The hub's side of MQTT: the embedded broker or a link to an external one. Keeps MQTTnet out of the
/// rest of the hub (STYLE 17).
/// </summary>
internal interface IFleetBroker
{
    /// <summary>Publishes with QoS 1. Desired state is persisted first, so a publish while an external broker is unreachable is logged and redone on reconnect.</summary>
    Task PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="handler"/> after every (re)connection, e.g. to republish retained desired state.</summary>
    void OnConnected(Func<CancellationToken, Task> handler);
}
