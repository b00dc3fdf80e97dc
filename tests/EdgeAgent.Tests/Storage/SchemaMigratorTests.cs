using EdgeCloud.EdgeAgent.Storage;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Storage;

public sealed class SchemaMigratorTests : IDisposable
{
    private static readonly EdgeMigration First = new(1, "first", "CREATE TABLE first (v INTEGER);");
    private static readonly EdgeMigration Second = new(2, "second", "CREATE TABLE second (v INTEGER); INSERT INTO second VALUES (2);");

    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Open_WithNewMigration_AppliesOnlyThePendingOne()
    {
        StorageTestHost.Open(_dir.Path, migrations: [First]).Dispose();

        // Re-running "first" would fail: its table exists.
        using var database = StorageTestHost.Open(_dir.Path, migrations: [First, Second]);

        Assert.Equal(2, database.SchemaVersion);
        Assert.Equal(2L, StorageTestHost.Scalar(database, "SELECT v FROM second;"));
    }

    [Fact]
    public void Open_FailingMigration_LeavesTheVersionAndNoPartialChanges()
    {
        var broken = new EdgeMigration(2, "broken", "CREATE TABLE half (v INTEGER); SELECT * FROM missing_table;");
        StorageTestHost.Open(_dir.Path, migrations: [First]).Dispose();

        var error = Assert.Throws<EdgeStorageException>(() => StorageTestHost.Open(_dir.Path, migrations: [First, broken]));
        Assert.Contains(_dir.DatabaseFile, error.Message, StringComparison.Ordinal);

        using var database = StorageTestHost.Open(_dir.Path, migrations: [First]);
        Assert.Equal(1, database.SchemaVersion);
        Assert.Equal(0L, StorageTestHost.Scalar(database, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'half';"));
    }

    [Fact]
    public void Open_DatabaseFromNewerAgent_ThrowsAndKeepsTheFile()
    {
        StorageTestHost.Open(_dir.Path, migrations: [First, Second]).Dispose();

        var error = Assert.Throws<EdgeStorageException>(() => StorageTestHost.Open(_dir.Path, migrations: [First]));

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(_dir.DatabaseFile));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.corrupt-*"));
    }

    [Fact]
    public void Open_MigrationsOutOfOrder_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => StorageTestHost.Open(_dir.Path, migrations: [Second, First]));
    }

    [Fact]
    public void All_AreNumberedFromOneWithoutGaps()
    {
        Assert.Equal(Enumerable.Range(1, EdgeMigrations.All.Count), EdgeMigrations.All.Select(m => m.Version));
    }
}
