using EdgeCloud.EdgeAgent.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Storage;

public sealed class EdgeDatabaseTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Open_NewFolder_CreatesWalDatabaseAtLatestSchema()
    {
        var dataDir = Path.Combine(_dir.Path, "nested", "data");

        using var database = StorageTestHost.Open(dataDir);

        Assert.Equal(Path.Combine(dataDir, "agent.db"), database.FilePath);
        Assert.True(File.Exists(database.FilePath));
        Assert.Equal("wal", StorageTestHost.Scalar(database, "PRAGMA journal_mode;"));
        Assert.Equal((long)EdgeMigrations.All.Count, StorageTestHost.Scalar(database, "PRAGMA user_version;"));
        Assert.Equal(EdgeMigrations.All.Count, database.SchemaVersion);
    }

    [Fact]
    public async Task BeginWriteAsync_WriterConnection_IsFullSynchronousWithForeignKeys()
    {
        using var database = StorageTestHost.Open(_dir.Path);

        using var transaction = await database.BeginWriteAsync(WriteDurability.Acknowledged, TestContext.Current.CancellationToken);

        Assert.Equal(2L, transaction.Command("PRAGMA synchronous;").ExecuteScalar()); // 2 = FULL
        Assert.Equal(1L, transaction.Command("PRAGMA foreign_keys;").ExecuteScalar());
        Assert.Equal(5000L, transaction.Command("PRAGMA busy_timeout;").ExecuteScalar());
    }

    [Fact]
    public async Task BeginWriteAsync_Relaxed_UsesNormalThenRestoresFull()
    {
        using var database = StorageTestHost.Open(_dir.Path);
        var ct = TestContext.Current.CancellationToken;

        using (var relaxed = await database.BeginWriteAsync(WriteDurability.Relaxed, ct))
        {
            Assert.Equal(1L, relaxed.Command("PRAGMA synchronous;").ExecuteScalar()); // 1 = NORMAL
            relaxed.Commit();
        }

        using var next = await database.BeginWriteAsync(WriteDurability.Acknowledged, ct);
        Assert.Equal(2L, next.Command("PRAGMA synchronous;").ExecuteScalar());
    }

    [Fact]
    public async Task BeginWriteAsync_Committed_IsVisibleToReaders()
    {
        using var database = StorageTestHost.Open(_dir.Path);
        var ct = TestContext.Current.CancellationToken;
        await CreateTableAsync(database, ct);

        using (var transaction = await database.BeginWriteAsync(WriteDurability.Acknowledged, ct))
        {
            transaction.Command("INSERT INTO t (v) VALUES ($v);").Set("$v", "kept").ExecuteNonQuery();
            transaction.Commit();
        }

        Assert.Equal("kept", StorageTestHost.Scalar(database, "SELECT v FROM t;"));
    }

    [Fact]
    public async Task BeginWriteAsync_DisposedWithoutCommit_RollsBack()
    {
        using var database = StorageTestHost.Open(_dir.Path);
        var ct = TestContext.Current.CancellationToken;
        await CreateTableAsync(database, ct);

        using (var transaction = await database.BeginWriteAsync(WriteDurability.Acknowledged, ct))
        {
            transaction.Command("INSERT INTO t (v) VALUES ($v);").Set("$v", "lost").ExecuteNonQuery();
        }

        Assert.Equal(0L, StorageTestHost.Scalar(database, "SELECT COUNT(*) FROM t;"));
    }

    [Fact]
    public async Task BeginWriteAsync_WhileAnotherWriteIsOpen_WaitsAndHonoursCancellation()
    {
        using var database = StorageTestHost.Open(_dir.Path);
        var ct = TestContext.Current.CancellationToken;
        using var first = await database.BeginWriteAsync(WriteDurability.Acknowledged, ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var second = database.BeginWriteAsync(WriteDurability.Acknowledged, cts.Token).AsTask();
        Assert.False(second.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
    }

    [Fact]
    public void Open_GarbageFile_MovesItAsideWithWalAndStartsFresh()
    {
        var garbage = new byte[8192];
        new Random(42).NextBytes(garbage);
        File.WriteAllBytes(_dir.DatabaseFile, garbage);
        File.WriteAllBytes(_dir.DatabaseFile + "-wal", garbage[..100]);
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var logger = new ListLogger<EdgeDatabase>();

        using var database = StorageTestHost.Open(_dir.Path, time, logger);

        var moved = _dir.DatabaseFile + ".corrupt-20300102T030405Z";
        Assert.Equal(garbage, File.ReadAllBytes(moved));
        Assert.True(File.Exists(moved + "-wal"));
        Assert.Equal("ok", StorageTestHost.Scalar(database, "PRAGMA quick_check;"));
        Assert.Equal((long)EdgeMigrations.All.Count, StorageTestHost.Scalar(database, "PRAGMA user_version;"));
        var error = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(_dir.DatabaseFile, error.Message, StringComparison.Ordinal);
        Assert.Contains(moved, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_CorruptPages_MovesItAsideAndStartsFresh()
    {
        using (StorageTestHost.Open(_dir.Path))
        {
            // Creates the schema; disposing checkpoints the WAL into the main file.
        }

        using (var stream = new FileStream(_dir.DatabaseFile, FileMode.Open, FileAccess.Write))
        {
            stream.Position = 4096; // keep page 1 (the header and schema), trash the b-tree pages
            var trash = new byte[stream.Length - 4096];
            Array.Fill(trash, (byte)0xA5);
            stream.Write(trash);
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));

        using var database = StorageTestHost.Open(_dir.Path, time);

        Assert.True(File.Exists(_dir.DatabaseFile + ".corrupt-20300102T030405Z"));
        Assert.Equal("ok", StorageTestHost.Scalar(database, "PRAGMA quick_check;"));
        Assert.Equal(0L, StorageTestHost.Scalar(database, "SELECT COUNT(*) FROM result_cache;"));
    }

    [Fact]
    public void Open_CorruptTwiceInTheSameSecond_KeepsBothMovedFiles()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        File.WriteAllText(_dir.DatabaseFile, "first garbage, not a database at all");
        StorageTestHost.Open(_dir.Path, time).Dispose();
        File.Delete(_dir.DatabaseFile);
        File.WriteAllText(_dir.DatabaseFile, "second garbage, not a database either");

        StorageTestHost.Open(_dir.Path, time).Dispose();

        Assert.StartsWith("first", File.ReadAllText(_dir.DatabaseFile + ".corrupt-20300102T030405Z"), StringComparison.Ordinal);
        Assert.StartsWith("second", File.ReadAllText(_dir.DatabaseFile + ".corrupt-20300102T030405Z-1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_DataDirCannotBeCreated_ThrowsNamingThePath()
    {
        var blocker = Path.Combine(_dir.Path, "a-file");
        File.WriteAllText(blocker, "not a folder");
        var dataDir = Path.Combine(blocker, "data");

        var error = Assert.Throws<EdgeStorageException>(() => StorageTestHost.Open(dataDir));

        Assert.Contains(dataDir, error.Message, StringComparison.Ordinal);
        Assert.Contains("Agent:DataDir", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "agent.db")));
    }

    [Fact]
    public void Open_DataDirNotWritable_ThrowsNamingThePath()
    {
        if (OperatingSystem.IsWindows() || Environment.IsPrivilegedProcess)
        {
            Assert.Skip("root (or Windows) ignores a read-only folder mode");
            return;
        }

        var dataDir = Path.Combine(_dir.Path, "read-only");
        Directory.CreateDirectory(dataDir);
        File.SetUnixFileMode(dataDir, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var error = Assert.Throws<EdgeStorageException>(() => StorageTestHost.Open(dataDir));

            Assert.Contains(dataDir, error.Message, StringComparison.Ordinal);
            Assert.Contains("not writable", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(dataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Open_DatabasePathIsAFolder_ThrowsNamingThePath()
    {
        Directory.CreateDirectory(_dir.DatabaseFile);

        var error = Assert.Throws<EdgeStorageException>(() => StorageTestHost.Open(_dir.Path));

        Assert.Contains(_dir.DatabaseFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_EmptyDataDir_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<EdgeStorageException>(() => StorageTestHost.Open(" "));

        Assert.Contains("Agent:DataDir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_Twice_IsHarmless()
    {
        var database = StorageTestHost.Open(_dir.Path);

        database.Dispose();
        database.Dispose();

        Assert.Throws<ObjectDisposedException>(() => database.RentReader());
    }

    private static async Task CreateTableAsync(EdgeDatabase database, CancellationToken ct)
    {
        using var transaction = await database.BeginWriteAsync(WriteDurability.Acknowledged, ct);
        transaction.Command("CREATE TABLE t (v TEXT NOT NULL);").ExecuteNonQuery();
        transaction.Commit();
    }
}
