namespace EdgeCloud.EdgeAgent.Messaging;

/// <summary>The birth/death sequence: persisted and incremented once per MQTT session.</summary>
public interface IBirthSequence
{
    ValueTask<long> NextAsync(CancellationToken cancellationToken);
}
