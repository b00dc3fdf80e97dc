using EdgeCloud.EdgeAgent.Outbox;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Outbox;

public sealed class SqliteOutboxTests
{
    [Fact]
    public async Task AppendAsync_Acknowledged_SurvivesReopenInOrder()
    {
        await using var harness = OutboxHarness.Create();
        var ct = TestContext.Current.CancellationToken;
        var receipts = new List<OutboxReceipt>();
        for (var i = 0; i < 5; i++)
        {
            receipts.Add(await harness.Outbox.AppendAsync(OutboxHarness.Entry(id: $"e-{i}"), ct));
        }

        await harness.ReopenAsync();

        var batch = harness.Outbox.ReadBatch();
        Assert.Equal(["e-0", "e-1", "e-2", "e-3", "e-4"], batch.Select(e => e.Id));
        Assert.Equal(receipts.Select(r => r.Sequence), batch.Select(e => e.Sequence));
        Assert.Equal(5, harness.Outbox.Stats.PendingEvents);
        Assert.Equal("{\"open\":true}", System.Text.Encoding.UTF8.GetString(batch[0].Payload));
    }

    [Fact]
    public async Task AppendAsync_NoId_AssignsTimeOrderedUuidV7()
    {
        await using var harness = OutboxHarness.Create();
        var ct = TestContext.Current.CancellationToken;

        var first = await harness.Outbox.AppendAsync(OutboxHarness.Entry(), ct);
        harness.Time.Advance(TimeSpan.FromMilliseconds(5));
        var second = await harness.Outbox.AppendAsync(OutboxHarness.Entry(), ct);

        Assert.Equal(7, Guid.Parse(first.Id).Version);
        Assert.True(string.CompareOrdinal(first.Id, second.Id) < 0, $"{first.Id} should sort before {second.Id}");
    }

    [Fact]
    public async Task AppendAsync_64Concurrent_AllCommittedWithDistinctIncreasingSequences()
    {
        await using var harness = OutboxHarness.Create();
        var ct = TestContext.Current.CancellationToken;

        var receipts = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            harness.Outbox.AppendAsync(OutboxHarness.Entry(id: $"c-{i}"), ct).AsTask()));

        Assert.Equal(64, receipts.Select(r => r.Sequence).Distinct().Count());
        Assert.Equal(64, harness.Outbox.Stats.PendingEvents);
        Assert.Equal(64, harness.Outbox.Stats.Appended);
        var stored = harness.Outbox.ReadBatch();
        Assert.Equal(receipts.OrderBy(r => r.Sequence).Select(r => r.Id), stored.Select(e => e.Id));
    }

    [Fact]
    public async Task AppendAsync_AtCapacity_DropsOldestFirstAndCountsThem()
    {
        await using var harness = OutboxHarness.Create(o => { o.MaxBytes = 65536; o.MaxEventBytes = 16384; });
        var ct = TestContext.Current.CancellationToken;
        var payload = $"\"{new string('x', 8000)}\"";

        for (var i = 0; i < 20; i++)
        {
            await harness.Outbox.AppendAsync(OutboxHarness.Entry(id: $"big-{i:D2}", payload: payload), ct);
        }

        var stats = harness.Outbox.Stats;
        Assert.True(stats.PendingBytes <= 65536, $"pending {stats.PendingBytes} bytes is over the bound");
        Assert.Equal(20, stats.PendingEvents + stats.DroppedByCapacity);
        Assert.True(stats.DroppedByCapacity > 0);
        Assert.Equal(0, stats.DroppedByAge);
        var kept = harness.Outbox.ReadBatch().Select(e => e.Id).ToList();
        Assert.Equal(Enumerable.Range(20 - kept.Count, kept.Count).Select(i => $"big-{i:D2}"), kept); // the newest survive

        await harness.ReopenAsync();
        Assert.Equal(stats.DroppedByCapacity, harness.Outbox.Stats.DroppedByCapacity); // counted in the file
        Assert.Equal(stats.PendingBytes, harness.Outbox.Stats.PendingBytes);
    }

    [Fact]
    public async Task PurgeExpiredAsync_PastMaxAge_DropsOnlyTheOldAndCountsByAge()
    {
        await using var harness = OutboxHarness.Create(o => o.MaxAge = TimeSpan.FromHours(1));
        var ct = TestContext.Current.CancellationToken;
        await harness.Outbox.AppendAsync(OutboxHarness.Entry(id: "old-1"), ct);
        await harness.Outbox.AppendAsync(OutboxHarness.Entry(id: "old-2"), ct);
        harness.Time.Advance(TimeSpan.FromMinutes(45));
        await harness.Outbox.AppendAsync(OutboxHarness.Entry(id: "young"), ct);

        Assert.Equal(0, await harness.Outbox.PurgeExpiredAsync(ct));
        harness.Time.Advance(TimeSpan.FromMinutes(16));
        var dropped = await harness.Outbox.PurgeExpiredAsync(ct);

        Assert.Equal(2, dropped);
        Assert.Equal(["young"], harness.Outbox.ReadBatch().Select(e => e.Id));
        var stats = harness.Outbox.Stats;
        Assert.Equal(2, stats.DroppedByAge);
        Assert.Equal(0, stats.DroppedByCapacity);
        Assert.Equal(1, stats.PendingEvents);
        Assert.Equal(harness.Time.GetUtcNow().AddMinutes(-16), stats.OldestPending);
    }

    [Fact]
    public async Task AcknowledgeAsync_PartOfBatch_ForgetsOnlyStoredIds()
    {
        await using var harness = OutboxHarness.Create();
        var ct = TestContext.Current.CancellationToken;
        foreach (var id in new[] { "a", "b", "c" })
        {
            await harness.Outbox.AppendAsync(OutboxHarness.Entry(id: id), ct);
        }

        var batch = harness.Outbox.ReadBatch();
        var forgotten = await harness.Outbox.AcknowledgeAsync(batch, new HashSet<string> { "a", "c" }, ct);

        Assert.Equal(2, forgotten);
        Assert.Equal(["b"], harness.Outbox.ReadBatch().Select(e => e.Id));
        Assert.Equal(2, harness.Outbox.Stats.Delivered);
        Assert.Equal(1, harness.Outbox.Stats.PendingEvents);
    }

    [Fact]
    public async Task ReadBatch_ManyEvents_LimitedByCountAndBytes()
    {
        await using var harness = OutboxHarness.Create(o => { o.DrainBatchSize = 10; o.DrainBatchBytes = 2048; });
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 30; i++)
        {
            await harness.Outbox.AppendAsync(OutboxHarness.Entry(id: $"n-{i}", payload: $"\"{new string('y', i < 3 ? 10 : 600)}\""), ct);
        }

        var first = harness.Outbox.ReadBatch();
        Assert.Equal(6, first.Count); // 3 small + 3 of ~600 bytes fit in 2048
        await harness.Outbox.AcknowledgeAsync(first, first.Select(e => e.Id).ToHashSet(), ct);
        Assert.Equal("n-6", harness.Outbox.ReadBatch()[0].Id);
    }

    [Theory]
    [InlineData("", "door.opened", "event", "id must be 1 to 128 characters, got 0")]
    [InlineData("has space", "door.opened", "event", "id must be printable ASCII without spaces, got U+0020 at position 3")]
    [InlineData("ok", "", "event", "type must be 1 to 128 characters, got 0")]
    [InlineData("ok", "door.opened", "gossip", "kind must be one of event, telemetry, audit, got 'gossip'")]
    public async Task AppendAsync_BadEntry_ThrowsNamingExpectedAndGot(string id, string type, string kind, string expected)
    {
        await using var harness = OutboxHarness.Create();

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () =>
            await harness.Outbox.AppendAsync(OutboxHarness.Entry(id: id, type: type, kind: kind), TestContext.Current.CancellationToken));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Outbox.Stats.PendingEvents);
    }

    [Fact]
    public async Task AppendAsync_PayloadOverLimit_ThrowsNamingTheKey()
    {
        await using var harness = OutboxHarness.Create(o => o.MaxEventBytes = 100);

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () =>
            await harness.Outbox.AppendAsync(OutboxHarness.Entry(payload: $"\"{new string('z', 200)}\""), TestContext.Current.CancellationToken));

        Assert.Contains("payload must be at most 100 bytes (Agent:Outbox:MaxEventBytes), got 202", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAsync_StoreCannotCommit_EachAppendFailsUnavailableNoneHangs()
    {
        await using var harness = OutboxHarness.Create();
        var ct = TestContext.Current.CancellationToken;
        await harness.Outbox.AppendAsync(OutboxHarness.Entry(id: "before"), ct);
        await harness.Database.DisposeAsync(); // the store goes away under the outbox

        for (var i = 0; i < 3; i++)
        {
            var ex = await Assert.ThrowsAsync<OutboxUnavailableException>(async () =>
                await harness.Outbox.AppendAsync(OutboxHarness.Entry(id: $"after-{i}"), ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct));
            Assert.StartsWith("the outbox could not store the event", ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal(1, harness.Outbox.Stats.PendingEvents);
        Assert.Equal(1, harness.Outbox.Stats.Appended);
    }

    [Fact]
    public async Task AppendAsync_AfterDispose_IsRefusedNotLost()
    {
        var harness = OutboxHarness.Create();
        await using (harness)
        {
            await harness.Outbox.DisposeAsync();

            await Assert.ThrowsAsync<OutboxUnavailableException>(async () =>
                await harness.Outbox.AppendAsync(OutboxHarness.Entry(), TestContext.Current.CancellationToken));
        }
    }
}
