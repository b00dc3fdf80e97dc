using EdgeCloud.EdgeAgent.Cache;
using EdgeCloud.EdgeAgent.Storage;
using EdgeCloud.EdgeAgent.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.EdgeAgent.Tests.Cache;

/// <summary>A cache over a real agent.db in a temp folder; <see cref="ReopenAsync"/> simulates a restart.</summary>
internal sealed class CacheHarness : IAsyncDisposable
{
    private readonly TempDataDir _dir = new();

    private CacheHarness(ResultCacheOptions options)
    {
        Options = options;
        Database = StorageTestHost.Open(_dir.Path, Time);
        Cache = NewCache();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public ResultCacheOptions Options { get; }

    public EdgeDatabase Database { get; private set; }

    public SqliteResultCache Cache { get; private set; }

    public string DataDir => _dir.Path;

    public static CacheHarness Create(long maxBytes = 64L * 1024 * 1024, TimeSpan? ttl = null, bool enabled = true) =>
        new(new ResultCacheOptions { MaxBytes = maxBytes, Ttl = ttl ?? TimeSpan.FromMinutes(10), Enabled = enabled });

    public async Task ReopenAsync()
    {
        await Cache.DisposeAsync();
        await Database.DisposeAsync();
        Database = StorageTestHost.Open(_dir.Path, Time);
        Cache = NewCache();
    }

    public async ValueTask DisposeAsync()
    {
        await Cache.DisposeAsync();
        await Database.DisposeAsync();
        _dir.Dispose();
    }

    private SqliteResultCache NewCache() =>
        new(Database, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<SqliteResultCache>.Instance);
}
