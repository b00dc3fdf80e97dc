using EdgeCloud.EdgeAgent.Cloud;
using EdgeCloud.Events;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>
/// Publishes outbox batches to the hub's <c>EventIngest</c> service over the cloud link's channel
/// (one HTTP/2 connection with inference). Outside the inference circuit breaker: the drainer has
/// its own backoff, and its failures should not make routing give up on the cloud, nor the reverse.
/// </summary>
internal sealed class GrpcEventPublisher : IEventPublisher
{
    private readonly CloudClient _cloud;
    private readonly EventIngest.EventIngestClient? _client;
    private readonly OutboxOptions _options;
    private readonly string _deviceId;
    private readonly string _fleet;

    public GrpcEventPublisher(CloudClient cloud, IOptions<AgentOptions> agent, IOptions<OutboxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(options);
        _cloud = cloud;
        _options = options.Value;
        _deviceId = agent.Value.DeviceId;
        _fleet = agent.Value.Fleet;
        if (cloud.Link.Channel is { } channel)
        {
            _client = new EventIngest.EventIngestClient(channel);
        }
    }

    public bool IsConfigured => _client is not null;

    public string Endpoint => _cloud.Endpoint;

    public async Task<IReadOnlySet<string>> PublishAsync(IReadOnlyList<StoredEvent> batch, CancellationToken cancellationToken)
    {
        var client = _client ?? throw new InvalidOperationException("no cloud endpoint is configured (Agent:Cloud:Endpoint)");
        var request = new PublishRequest { DeviceId = _deviceId, Fleet = _fleet };
        foreach (var stored in batch)
        {
            request.Events.Add(new Event
            {
                Id = stored.Id,
                Kind = stored.Kind,
                Type = stored.Type,
                CreatedUnixMs = stored.CreatedUnixMs,
                Payload = UnsafeByteOperations.UnsafeWrap(stored.Payload),
                Sequence = stored.Sequence,
            });
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_options.PublishTimeout); // network time: the system timer on purpose
        var ack = await client.PublishAsync(request, cancellationToken: attempt.Token).ConfigureAwait(false);
        return ack.StoredIds.ToHashSet(StringComparer.Ordinal);
    }
}
