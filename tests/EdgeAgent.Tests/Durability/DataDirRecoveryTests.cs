using EdgeCloud.EdgeAgent.Durability;
using EdgeCloud.EdgeAgent.Tests.Storage;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Durability;

public sealed class DataDirRecoveryTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Run_LeftoversOfACrash_RemovesThemKeepsFinishedFilesAndTheDatabase()
    {
        var model = Path.Combine(_dir.Path, "models", "minilm", "1");
        Directory.CreateDirectory(model);
        var kept = new[]
        {
            Write(model, "model.onnx"),
            Write(Path.Combine(_dir.Path, "models", "minilm"), "config.json"),
            Write(_dir.Path, "agent.db"),
            Write(_dir.Path, "agent.db-wal"),
            Write(_dir.Path, "agent.db.corrupt-20300101T000000Z"),
        };
        var leftovers = new[]
        {
            Write(model, "model.onnx.seeding"),
            Write(model, "model.int8.onnx.partial"),
            Write(_dir.Path, "state.json.tmp"),
            Write(_dir.Path, "bundle.download"),
        };
        var staging = Path.Combine(_dir.Path, "models", "resnet18.staging");
        Write(Path.Combine(staging, "2"), "model.onnx");
        var stagingRoot = Path.Combine(_dir.Path, "staging");
        Write(stagingRoot, "half.bin");
        var logger = new ListLogger<DataDirRecoveryTests>();

        var removed = DataDirRecovery.Run(_dir.Path, logger);

        Assert.Equal(new[] { staging, stagingRoot }.Concat(leftovers).Order(StringComparer.Ordinal), removed.Order(StringComparer.Ordinal));
        Assert.All(kept, f => Assert.True(File.Exists(f), $"{f} should be kept"));
        Assert.All(leftovers, f => Assert.False(File.Exists(f), $"{f} should be removed"));
        Assert.False(Directory.Exists(staging));
        Assert.Equal(6, logger.Entries.Count(e => e.EventId.Id == 2500));
    }

    [Fact]
    public void Run_MissingFolder_RemovesNothing()
    {
        Assert.Empty(DataDirRecovery.Run(Path.Combine(_dir.Path, "absent"), new ListLogger<DataDirRecoveryTests>()));
    }

    private static string Write(string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "x");
        return path;
    }
}
