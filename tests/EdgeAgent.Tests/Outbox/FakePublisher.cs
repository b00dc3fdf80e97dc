using EdgeCloud.EdgeAgent.Outbox;

namespace EdgeCloud.EdgeAgent.Tests.Outbox;

/// <summary>A hub stand-in: fails while <see cref="Down"/>, otherwise stores by id once and acknowledges.</summary>
internal sealed class FakePublisher : IEventPublisher
{
    private readonly Lock _lock = new();

    public bool Down { get; set; }

    public int Calls { get; private set; }

    public List<string> Stored { get; } = [];

    public bool IsConfigured => true;

    public string Endpoint => "http://fake-hub";

    public Task<IReadOnlySet<string>> PublishAsync(IReadOnlyList<StoredEvent> batch, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Calls++;
            if (Down)
            {
                throw new HttpRequestException("connection refused (fake)");
            }

            foreach (var e in batch.Where(e => !Stored.Contains(e.Id)))
            {
                Stored.Add(e.Id);
            }

            return Task.FromResult<IReadOnlySet<string>>(batch.Select(e => e.Id).ToHashSet());
        }
    }
}
