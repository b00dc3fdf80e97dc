namespace EdgeCloud.Fleet.Tests.Infrastructure;

/// <summary>Which broker a fleet test runs against: the hub's embedded MQTTnet broker, or Debian's mosquitto with the hub as a client.</summary>
public enum BrokerKind
{
    Embedded,
    Mosquitto,
}
