using System.Data;
using System.Threading.Channels;
using EdgeCloud.EdgeAgent.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>
/// <see cref="IOutbox"/> in the agent database: an ordered queue bounded in bytes (oldest dropped
/// first) and in age, drained to the hub by <see cref="OutboxDrainer"/>.
/// </summary>
/// <remarks>
/// Appends are group-committed: callers queue on a channel, one loop takes everything queued (up
/// to <see cref="OutboxOptions.MaxAppendBatch"/>) into one <c>synchronous=FULL</c> transaction, and
/// completes each caller only after that commit returned. One fsync then acknowledges a whole
/// batch, so throughput grows with concurrency while every acknowledged event is on disk.
/// The pending count and bytes are kept in memory, read from the file at start and changed only
/// inside write transactions (which the database serialises), after each commit.
/// </remarks>
internal sealed partial class SqliteOutbox : IOutbox, IAsyncDisposable
{
    private const int RowOverheadBytes = 32;

    private readonly EdgeDatabase _database;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Channel<PendingAppend> _appends = Channel.CreateUnbounded<PendingAppend>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly Task _writeLoop;
    private long _pendingEvents;
    private long _pendingBytes;
    private long _oldestPendingMs;
    private long _appended;
    private long _delivered;
    private long _droppedByAge;
    private long _droppedByCapacity;
    private long _droppedBytesByAge;
    private long _droppedBytesByCapacity;
    private int _disposed;

    public SqliteOutbox(EdgeDatabase database, IOptions<OutboxOptions> options, TimeProvider timeProvider, ILogger<SqliteOutbox> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        LoadState();
        _writeLoop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Signalled after each commit that added events, so the drainer wakes without polling.</summary>
    public WorkSignal Appended { get; } = new();

    public OutboxStats Stats
    {
        get
        {
            var oldest = Interlocked.Read(ref _oldestPendingMs);
            return new OutboxStats(
                Interlocked.Read(ref _pendingEvents),
                Interlocked.Read(ref _pendingBytes),
                oldest == long.MaxValue ? null : DateTimeOffset.FromUnixTimeMilliseconds(oldest),
                Interlocked.Read(ref _appended),
                Interlocked.Read(ref _delivered),
                Interlocked.Read(ref _droppedByAge),
                Interlocked.Read(ref _droppedByCapacity),
                Interlocked.Read(ref _droppedBytesByAge),
                Interlocked.Read(ref _droppedBytesByCapacity));
        }
    }

    public OutboxOptions Options => _options;

    public ValueTask<OutboxReceipt> AppendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var id = entry.Id ?? EventIdentifiers.NewId(_timeProvider);
        Validate(entry, id);
        cancellationToken.ThrowIfCancellationRequested();

        var pending = new PendingAppend(entry, id, Size(entry, id));
        if (!_appends.Writer.TryWrite(pending))
        {
            throw new OutboxUnavailableException("the outbox is shutting down and accepts no more events");
        }

        return new ValueTask<OutboxReceipt>(cancellationToken.CanBeCanceled ? pending.Task.WaitAsync(cancellationToken) : pending.Task);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _appends.Writer.TryComplete();
        await _writeLoop.ConfigureAwait(false); // commits what was queued before shutdown
    }

    private void Validate(OutboxEntry entry, string id)
    {
        var problem = EventIdentifiers.Check("id", id)
            ?? EventIdentifiers.Check("type", entry.Type)
            ?? (OutboxKinds.FromApplications.Contains(entry.Kind) || OutboxKinds.FromAgent.Contains(entry.Kind)
                ? null
                : $"kind must be one of {string.Join(", ", OutboxKinds.FromApplications)}, got '{entry.Kind}'")
            ?? (entry.Payload.Length <= _options.MaxEventBytes
                ? null
                : $"payload must be at most {_options.MaxEventBytes} bytes (Agent:Outbox:MaxEventBytes), got {entry.Payload.Length}");
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(entry));
        }
    }

    private static int Size(OutboxEntry entry, string id) => entry.Payload.Length + id.Length + entry.Type.Length + RowOverheadBytes;

    private void LoadState()
    {
        using var lease = _database.RentReader();
        using (var usage = lease.Command(OutboxSql.Usage).ExecuteReader(CommandBehavior.SingleRow))
        {
            usage.Read();
            _pendingEvents = usage.GetInt64(0);
            _pendingBytes = usage.GetInt64(1);
            _oldestPendingMs = usage.IsDBNull(2) ? long.MaxValue : usage.GetInt64(2);
        }

        using var drops = lease.Command(OutboxSql.Drops).ExecuteReader();
        while (drops.Read())
        {
            var (events, bytes) = (drops.GetInt64(1), drops.GetInt64(2));
            if (drops.GetString(0) == DropReasons.Age)
            {
                (_droppedByAge, _droppedBytesByAge) = (events, bytes);
            }
            else
            {
                (_droppedByCapacity, _droppedBytesByCapacity) = (events, bytes);
            }
        }
    }

    private sealed class PendingAppend(OutboxEntry entry, string id, int size)
        : TaskCompletionSource<OutboxReceipt>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public OutboxEntry Entry { get; } = entry;

        public string Id { get; } = id;

        public int Size { get; } = size;
    }
}
