using System.Text;
using EdgeCloud.EdgeAgent.Outbox;
using EdgeCloud.EdgeAgent.Storage;
using EdgeCloud.EdgeAgent.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.EdgeAgent.Tests.Outbox;

/// <summary>An outbox over a real agent.db in a temp folder, on fake time; <see cref="ReopenAsync"/> simulates a restart.</summary>
internal sealed class OutboxHarness : IAsyncDisposable
{
    private readonly TempDataDir _dir = new();

    private OutboxHarness(OutboxOptions options)
    {
        Options = options;
        Database = StorageTestHost.Open(_dir.Path, Time);
        Outbox = NewOutbox();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public OutboxOptions Options { get; }

    public EdgeDatabase Database { get; private set; }

    public SqliteOutbox Outbox { get; private set; }

    public static OutboxHarness Create(Action<OutboxOptions>? configure = null)
    {
        var options = new OutboxOptions();
        configure?.Invoke(options);
        return new OutboxHarness(options);
    }

    public static OutboxEntry Entry(string? id = null, string type = "door.opened", string payload = "{\"open\":true}", string kind = OutboxKinds.Event) =>
        new(id, kind, type, Encoding.UTF8.GetBytes(payload));

    public async Task ReopenAsync()
    {
        await Outbox.DisposeAsync();
        await Database.DisposeAsync();
        Database = StorageTestHost.Open(_dir.Path, Time);
        Outbox = NewOutbox();
    }

    public async ValueTask DisposeAsync()
    {
        await Outbox.DisposeAsync();
        await Database.DisposeAsync();
        _dir.Dispose();
    }

    private SqliteOutbox NewOutbox() =>
        new(Database, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<SqliteOutbox>.Instance);
}
