using System.Text;
using EdgeCloud.EdgeAgent.Cache;
using EdgeCloud.EdgeAgent.Tests.Storage;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Cache;

public sealed class SqliteResultCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ResultCacheKey Key(string name, string model = "minilm", string version = "1", string variant = "fp32") =>
        new(model, version, variant, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name))));

    private static byte[] Payload(int size, byte fill = 7)
    {
        var payload = new byte[size];
        Array.Fill(payload, fill);
        return payload;
    }

    [Fact]
    public async Task SetAsync_ThenTryGetAsync_ReturnsPayloadAndTimes()
    {
        await using var harness = CacheHarness.Create(ttl: TimeSpan.FromMinutes(10));
        var key = ResultCacheKey.From(InferRequests.Typed(), "1", "fp32");

        await harness.Cache.SetAsync(key, Payload(100), Ct);
        var hit = await harness.Cache.TryGetAsync(key, Ct);

        Assert.NotNull(hit);
        Assert.Equal(Payload(100), hit.Payload.ToArray());
        Assert.Equal(harness.Time.GetUtcNow(), hit.StoredAt);
        Assert.Equal(harness.Time.GetUtcNow().AddMinutes(10), hit.ExpiresAt);
        Assert.Equal(new ResultCacheStats(Hits: 1, Misses: 0, Evictions: 0, Expirations: 0, Bytes: 100, Entries: 1), harness.Cache.Stats);
    }

    [Fact]
    public async Task TryGetAsync_DifferentInputVersionOrVariant_Misses()
    {
        await using var harness = CacheHarness.Create();
        var request = InferRequests.Typed();
        await harness.Cache.SetAsync(ResultCacheKey.From(request, "1", "fp32"), Payload(10), Ct);

        Assert.Null(await harness.Cache.TryGetAsync(ResultCacheKey.From(InferRequests.Typed(seed: 5f), "1", "fp32"), Ct));
        Assert.Null(await harness.Cache.TryGetAsync(ResultCacheKey.From(request, "2", "fp32"), Ct));
        Assert.Null(await harness.Cache.TryGetAsync(ResultCacheKey.From(request, "1", "int8"), Ct));
        Assert.Equal(3, harness.Cache.Stats.Misses);
    }

    [Fact]
    public async Task TryGetAsync_RepeatedRequestWithNewIdAndEdgeCloudParameters_Hits()
    {
        await using var harness = CacheHarness.Create();
        await harness.Cache.SetAsync(ResultCacheKey.From(InferRequests.Typed(id: "a"), "1", "fp32"), Payload(10), Ct);
        var repeated = InferRequests.Typed(id: "b");
        repeated.Parameters.Add("edgecloud.route", InferRequests.Param("local"));

        Assert.NotNull(await harness.Cache.TryGetAsync(ResultCacheKey.From(repeated, "1", "fp32"), Ct));
    }

    [Fact]
    public async Task TryGetAsync_AfterTtl_MissesAndTheNextSetPurgesIt()
    {
        await using var harness = CacheHarness.Create(ttl: TimeSpan.FromMinutes(10));
        await harness.Cache.SetAsync(Key("old"), Payload(50), Ct);

        harness.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(1));
        Assert.NotNull(await harness.Cache.TryGetAsync(Key("old"), Ct));
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(await harness.Cache.TryGetAsync(Key("old"), Ct));

        await harness.Cache.SetAsync(Key("new"), Payload(20), Ct);
        var stats = harness.Cache.Stats;
        Assert.Equal((1, 1, 1, 1, 20), (stats.Hits, stats.Misses, stats.Expirations, stats.Entries, stats.Bytes));
        Assert.Equal(1L, StorageTestHost.Scalar(harness.Database, "SELECT COUNT(*) FROM result_cache;"));
    }

    [Fact]
    public async Task SetAsync_OverMaxBytes_EvictsTheLeastRecentlyUsed()
    {
        await using var harness = CacheHarness.Create(maxBytes: 300);
        await harness.Cache.SetAsync(Key("a"), Payload(100), Ct);
        await harness.Cache.SetAsync(Key("b"), Payload(100), Ct);
        await harness.Cache.SetAsync(Key("c"), Payload(100), Ct);
        Assert.NotNull(await harness.Cache.TryGetAsync(Key("a"), Ct)); // a is now the most recent

        await harness.Cache.SetAsync(Key("d"), Payload(100), Ct);

        Assert.Null(await harness.Cache.TryGetAsync(Key("b"), Ct));
        Assert.NotNull(await harness.Cache.TryGetAsync(Key("a"), Ct));
        Assert.NotNull(await harness.Cache.TryGetAsync(Key("c"), Ct));
        Assert.NotNull(await harness.Cache.TryGetAsync(Key("d"), Ct));
        Assert.Equal((1, 300, 3), (harness.Cache.Stats.Evictions, harness.Cache.Stats.Bytes, harness.Cache.Stats.Entries));
    }

    [Fact]
    public async Task SetAsync_BigEntry_EvictsAsManyOldOnesAsNeeded()
    {
        await using var harness = CacheHarness.Create(maxBytes: 1000);
        for (var i = 0; i < 10; i++)
        {
            await harness.Cache.SetAsync(Key($"small-{i}"), Payload(100), Ct);
        }

        await harness.Cache.SetAsync(Key("big"), Payload(950), Ct);

        Assert.Equal((10, 950, 1), (harness.Cache.Stats.Evictions, harness.Cache.Stats.Bytes, harness.Cache.Stats.Entries));
        Assert.NotNull(await harness.Cache.TryGetAsync(Key("big"), Ct));
    }

    [Fact]
    public async Task SetAsync_SameKeyAgain_ReplacesWithoutCountingTwice()
    {
        await using var harness = CacheHarness.Create();
        await harness.Cache.SetAsync(Key("k"), Payload(100, fill: 1), Ct);

        await harness.Cache.SetAsync(Key("k"), Payload(40, fill: 2), Ct);

        Assert.Equal(Payload(40, fill: 2), (await harness.Cache.TryGetAsync(Key("k"), Ct))!.Payload.ToArray());
        Assert.Equal((40, 1), (harness.Cache.Stats.Bytes, harness.Cache.Stats.Entries));
    }

    [Fact]
    public async Task SetAsync_PayloadLargerThanTheBound_IsNotStored()
    {
        await using var harness = CacheHarness.Create(maxBytes: 100);
        await harness.Cache.SetAsync(Key("kept"), Payload(60), Ct);

        await harness.Cache.SetAsync(Key("huge"), Payload(101), Ct);

        Assert.Null(await harness.Cache.TryGetAsync(Key("huge"), Ct));
        Assert.NotNull(await harness.Cache.TryGetAsync(Key("kept"), Ct));
    }

    [Fact]
    public async Task SetAsync_EmptyPayload_RoundTrips()
    {
        await using var harness = CacheHarness.Create();

        await harness.Cache.SetAsync(Key("empty"), ReadOnlyMemory<byte>.Empty, Ct);

        var hit = await harness.Cache.TryGetAsync(Key("empty"), Ct);
        Assert.NotNull(hit);
        Assert.True(hit.Payload.IsEmpty);
    }

    [Fact]
    public async Task SetAsync_SlicedMemory_StoresOnlyTheSlice()
    {
        await using var harness = CacheHarness.Create();
        var buffer = Encoding.ASCII.GetBytes("xxpayloadxx");

        await harness.Cache.SetAsync(Key("slice"), buffer.AsMemory(2, 7), Ct);

        Assert.Equal("payload", Encoding.ASCII.GetString((await harness.Cache.TryGetAsync(Key("slice"), Ct))!.Payload.Span));
    }

    [Fact]
    public async Task Reopen_SameFile_KeepsEntriesSizesAndLruOrder()
    {
        await using var harness = CacheHarness.Create(maxBytes: 200);
        await harness.Cache.SetAsync(Key("a"), Payload(100), Ct);
        await harness.Cache.SetAsync(Key("b"), Payload(100), Ct);
        Assert.NotNull(await harness.Cache.TryGetAsync(Key("a"), Ct)); // only in memory until disposal saves it

        await harness.ReopenAsync();
        Assert.Equal((200, 2), (harness.Cache.Stats.Bytes, harness.Cache.Stats.Entries));
        await harness.Cache.SetAsync(Key("c"), Payload(100), Ct);

        Assert.Null(await harness.Cache.TryGetAsync(Key("b"), Ct));
        Assert.Equal(Payload(100), (await harness.Cache.TryGetAsync(Key("a"), Ct))!.Payload.ToArray());
        Assert.NotNull(await harness.Cache.TryGetAsync(Key("c"), Ct));
    }

    [Fact]
    public async Task InvalidateModelAsync_RemovesEveryVersionAndVariantOfThatModelOnly()
    {
        await using var harness = CacheHarness.Create();
        await harness.Cache.SetAsync(Key("x", version: "1"), Payload(10), Ct);
        await harness.Cache.SetAsync(Key("x", version: "2", variant: "int8"), Payload(10), Ct);
        await harness.Cache.SetAsync(Key("x", model: "resnet"), Payload(10), Ct);

        var removed = await harness.Cache.InvalidateModelAsync("minilm", Ct);

        Assert.Equal(2, removed);
        Assert.Null(await harness.Cache.TryGetAsync(Key("x", version: "1"), Ct));
        Assert.NotNull(await harness.Cache.TryGetAsync(Key("x", model: "resnet"), Ct));
        Assert.Equal((10, 1), (harness.Cache.Stats.Bytes, harness.Cache.Stats.Entries));
    }

    [Fact]
    public async Task Disabled_NeitherStoresNorFinds()
    {
        await using var harness = CacheHarness.Create(enabled: false);

        await harness.Cache.SetAsync(Key("k"), Payload(10), Ct);

        Assert.Null(await harness.Cache.TryGetAsync(Key("k"), Ct));
        Assert.Equal(0L, StorageTestHost.Scalar(harness.Database, "SELECT COUNT(*) FROM result_cache;"));
    }

    [Fact]
    public async Task Calls_WithDefaultKeyOrCancelledToken_Throw()
    {
        await using var harness = CacheHarness.Create();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Cache.TryGetAsync(default, Ct).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Cache.SetAsync(default, Payload(1), Ct).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Cache.SetAsync(Key("k"), Payload(1), cancelled.Token).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Cache.TryGetAsync(Key("k"), cancelled.Token).AsTask());
    }

    [Fact]
    public async Task CorruptFileAtOpen_IsMovedAsideAndTheCacheWorks()
    {
        await using var harness = CacheHarness.Create();
        await harness.Cache.SetAsync(Key("k"), Payload(10), Ct);
        await harness.Cache.DisposeAsync();
        await harness.Database.DisposeAsync();
        await File.WriteAllBytesAsync(Path.Combine(harness.DataDir, "agent.db"), Payload(4096, fill: 0x5A), Ct);

        await harness.ReopenAsync();

        Assert.Single(Directory.GetFiles(harness.DataDir, "agent.db.corrupt-*"));
        Assert.Null(await harness.Cache.TryGetAsync(Key("k"), Ct));
        await harness.Cache.SetAsync(Key("k"), Payload(10), Ct);
        Assert.NotNull(await harness.Cache.TryGetAsync(Key("k"), Ct));
    }

    [Fact]
    public async Task ConcurrentSetAndGet_From8Tasks_KeepPayloadsAndSizesConsistent()
    {
        await using var harness = CacheHarness.Create(maxBytes: 20_000);
        var hits = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(
            async () =>
            {
                for (var i = 0; i < 150; i++)
                {
                    var name = $"k{(worker * 7 + i) % 60}";
                    var fill = (byte)name.GetHashCode(StringComparison.Ordinal);
                    if (i % 3 == 0)
                    {
                        await harness.Cache.SetAsync(Key(name), Payload(500 + (i % 5) * 100, fill), Ct);
                    }
                    else if (await harness.Cache.TryGetAsync(Key(name), Ct) is { } hit)
                    {
                        Assert.All(hit.Payload.ToArray(), b => Assert.Equal(fill, b));
                        Interlocked.Increment(ref hits);
                    }
                }
            },
            Ct)));

        var stats = harness.Cache.Stats;
        Assert.Equal(stats.Hits, hits);
        Assert.Equal(8 * 100, stats.Hits + stats.Misses);
        Assert.InRange(stats.Bytes, 1, 20_000);
        Assert.Equal(stats.Bytes, StorageTestHost.Scalar(harness.Database, "SELECT TOTAL(size) FROM result_cache;") is double total ? (long)total : -1);
        Assert.Equal(stats.Entries, StorageTestHost.Scalar(harness.Database, "SELECT COUNT(*) FROM result_cache;"));
    }
}
