using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Tests.TestSupport;

namespace EdgeCloud.Shared.Tests.Models;

/// <summary>RepositoryIndex: READY with the version, or UNAVAILABLE with the reason a person can act on.</summary>
public sealed partial class ModelStoreTests
{
    [Fact]
    public void Index_ReportsReadyAndUnavailableWithTheReason()
    {
        _repo.CopyModel(Silero, "idle");
        _repo.WriteFile("idle/config.json", """{"name":"idle","placement":"edge"}""");
        _repo.CopyModel(Silero, "broken");
        var brokenConfig = _repo.WriteFile("broken/config.json", """{"name":"broken","placement":"fog"}""");
        var store = Store();
        store.Load(Silero);

        Assert.Throws<InvalidDataException>(() => store.Load("broken"));
        var index = store.Index();

        Assert.Equal(["broken", "idle", Silero], index.Select(e => e.Name));
        Assert.Equal(new ModelIndexEntry(Silero, "1", ModelStates.Ready, ""), index[2]);
        Assert.Equal(new ModelIndexEntry("idle", "", ModelStates.Unavailable, "not loaded"), index[1]);
        Assert.Equal(ModelStates.Unavailable, index[0].State);
        Assert.Contains(brokenConfig, index[0].Reason, StringComparison.Ordinal);
        Assert.Contains("placement must be edge, cloud or both, got 'fog'", index[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_BrokenModelFixedAndReloaded_BecomesReady()
    {
        var config = Path.Combine(_repo.Root, Silero, "config.json");
        var good = File.ReadAllText(config);
        File.WriteAllText(config, """{"name":"silero-vad","max_batch_size":-1}""");
        var store = Store();
        Assert.Throws<InvalidDataException>(() => store.Load(Silero));
        Assert.Contains("max_batch_size", Assert.Single(store.Index()).Reason, StringComparison.Ordinal);

        File.WriteAllText(config, good);
        store.Load(Silero);

        Assert.Equal(new ModelIndexEntry(Silero, "1", ModelStates.Ready, ""), Assert.Single(store.Index()));
    }

    [Fact]
    public void Index_CorruptModelFile_IsUnavailableWithTheOnnxRuntimeReason()
    {
        File.WriteAllText(Path.Combine(_repo.Root, Silero, "1", "model.onnx"), "not a model");
        var store = Store();

        Assert.Throws<InvalidOperationException>(() => store.Load(Silero));

        var entry = Assert.Single(store.Index());
        Assert.Equal(ModelStates.Unavailable, entry.State);
        Assert.Contains("cpu:", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_VariantFileMissing_IsUnavailableNamingTheFile()
    {
        File.Delete(Path.Combine(_repo.Root, Silero, "1", "model.onnx"));
        var store = Store();

        Assert.Throws<FileNotFoundException>(() => store.Load(Silero));

        var entry = Assert.Single(store.Index());
        Assert.Equal(ModelStates.Unavailable, entry.State);
        Assert.Contains("none of its variant files (model.onnx)", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_ConfigWithNullVariants_IsUnavailableWithTheReason()
    {
        File.WriteAllText(Path.Combine(_repo.Root, Silero, "config.json"), """{"name":"silero-vad","variants":null}""");
        var store = Store();

        var ex = Record.Exception(() => store.Load(Silero));

        Assert.IsType<InvalidDataException>(ex);
        var entry = Assert.Single(store.Index());
        Assert.Equal(ModelStates.Unavailable, entry.State);
        Assert.Contains("config.json", entry.Reason, StringComparison.Ordinal);
    }
}
