using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Tests.TestSupport;

namespace EdgeCloud.Shared.Tests.Models;

/// <summary>The store over a temporary repository holding copies of the real models.</summary>
public sealed partial class ModelStoreTests : IDisposable
{
    private const string Silero = TestModels.SileroVad;

    private readonly TempRepository _repo = new();
    private readonly List<ModelStore> _stores = [];

    public ModelStoreTests()
    {
        _repo.CopyModel(Silero);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        _repo.Dispose();
    }

    [Fact]
    public void Load_Silero_ServesVersionOneOnCpu()
    {
        var store = Store();

        var model = store.Load(Silero);

        Assert.Equal(Silero, model.Info.Name);
        Assert.Equal("1", model.Info.Version);
        Assert.Equal("fp32", model.Info.Variant);
        Assert.Equal(ExecutionProviders.Cpu, model.Info.ExecutionProvider);
        Assert.Equal(Path.Combine(_repo.Root, Silero, "1"), model.Directory);
        Assert.Equal(ModelPlacement.Edge, model.Config.Placement);
        Assert.Same(model, Assert.Single(store.Loaded));
        Assert.True(store.TryGet(Silero, out var got));
        Assert.Same(model, got);
    }

    [Fact]
    public void Acquire_LoadedModel_ReturnsALeaseThatRuns()
    {
        var store = Store();
        store.Load(Silero);

        using var lease = store.Acquire(Silero, null);

        Assert.Equal(2, lease.Model.Session.Run(SileroRequests.Raw(), Token).Outputs.Count);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void Acquire_LoadedVersionOrNone_Leases(string? version)
    {
        var store = Store();
        store.Load(Silero);

        using var lease = store.Acquire(Silero, version);

        Assert.Equal("1", lease.Model.Info.Version);
    }

    [Fact]
    public void Acquire_UnknownModel_ThrowsNotFoundNamingTheLoadedModels()
    {
        var store = Store();
        store.Load(Silero);

        InferenceAssert.Throws(
            InferenceErrorCode.NotFound,
            () => store.Acquire("whisper", null),
            "model 'whisper' is not loaded here",
            "loaded models: silero-vad");
    }

    [Fact]
    public void Acquire_NothingLoaded_ThrowsNotFoundSayingNone() =>
        InferenceAssert.Throws(InferenceErrorCode.NotFound, () => Store().Acquire(Silero, null), "loaded models: (none)");

    [Fact]
    public void Acquire_WrongVersion_ThrowsNotFoundNamingTheLoadedVersion()
    {
        var store = Store();
        store.Load(Silero);

        InferenceAssert.Throws(
            InferenceErrorCode.NotFound,
            () => store.Acquire(Silero, "2"),
            "model 'silero-vad' version '2' is not loaded",
            "loaded version: 1");
    }

    [Fact]
    public void Unload_WhileALeaseIsHeld_SessionKeepsServingUntilTheLeaseIsReleased()
    {
        var store = Store();
        var model = store.Load(Silero);
        var lease = store.Acquire(Silero, null);

        Assert.True(store.Unload(Silero));

        InferenceAssert.Throws(InferenceErrorCode.NotFound, () => store.Acquire(Silero, null), "loaded models: (none)");
        Assert.Empty(store.Loaded);
        var response = lease.Model.Session.Run(SileroRequests.Raw(), Token);
        Assert.Equal(["output", "stateN"], response.Outputs.Select(o => o.Name));

        lease.Dispose();
        Assert.False(model.TryAcquire());
    }

    [Fact]
    public void Unload_NotLoaded_ReturnsFalse()
    {
        var store = Store();
        store.Load(Silero);

        Assert.True(store.Unload(Silero));
        Assert.False(store.Unload(Silero));
        Assert.False(store.Unload("never-loaded"));
    }

    [Fact]
    public void Unload_ThenLoad_ServesAgain()
    {
        var store = Store();
        store.Load(Silero);
        store.Unload(Silero);

        store.Load(Silero);

        using var lease = store.Acquire(Silero, null);
        Assert.Equal(2, lease.Model.Session.Run(SileroRequests.Raw(), Token).Outputs.Count);
    }

    [Fact]
    public void Load_AfterANewVersionFolderAppears_SwapsToThatVersion()
    {
        var store = Store();
        var first = store.Load(Silero);
        var oldLease = store.Acquire(Silero, "1");
        _repo.CopyVersion(Silero, "2");

        var second = store.Load(Silero);

        Assert.Equal("2", second.Info.Version);
        using (var lease = store.Acquire(Silero, null))
        {
            Assert.Equal("2", lease.Model.Info.Version);
            Assert.Equal("2", lease.Model.Session.Run(SileroRequests.Raw(), Token).ModelVersion);
        }

        InferenceAssert.Throws(InferenceErrorCode.NotFound, () => store.Acquire(Silero, "1"), "loaded version: 2");
        Assert.Equal("1", oldLease.Model.Session.Run(SileroRequests.Raw(), Token).ModelVersion);
        oldLease.Dispose();
        Assert.False(first.TryAcquire());
        Assert.Equal(ModelStates.Ready, Assert.Single(store.Index()).State);
        Assert.Equal("2", store.Index()[0].Version);
    }

    [Fact]
    public void Load_SeveralVersionFolders_TakesTheHighestNumberNotTheLastInTextOrder()
    {
        _repo.CopyVersion(Silero, "9");
        _repo.CopyVersion(Silero, "10");
        _repo.CopyVersion(Silero, "latest");

        var model = Store().Load(Silero);

        Assert.Equal("10", model.Info.Version);
    }

    [Fact]
    public void Load_FailedReload_KeepsServingThePreviousVersion()
    {
        var store = Store();
        store.Load(Silero);
        File.WriteAllText(Path.Combine(_repo.Root, Silero, "config.json"), "{ not json");

        Assert.Throws<InvalidDataException>(() => store.Load(Silero));

        using var lease = store.Acquire(Silero, null);
        Assert.Equal(2, lease.Model.Session.Run(SileroRequests.Raw(), Token).Outputs.Count);
        Assert.Equal(ModelStates.Ready, Assert.Single(store.Index()).State);
    }

    [Fact]
    public void Load_ModelNotInRepository_ThrowsNamingTheModelsThere()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Store().Load("whisper"));

        Assert.Contains("model 'whisper' is not in the repository", ex.Message, StringComparison.Ordinal);
        Assert.Contains("models there: silero-vad", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../silero-vad")]
    [InlineData("..")]
    [InlineData("silero-vad/1")]
    public void Load_NameThatLeavesTheRepository_IsRefused(string name)
    {
        // A model folder next to the repository must not be reachable through the name.
        using var outside = new TempRepository();
        outside.CopyModel(Silero);
        var store = Store(Path.Combine(outside.Root, "repo"));
        Directory.CreateDirectory(store.Root);

        Assert.Throws<InvalidOperationException>(() => store.Load(name));
        Assert.Empty(store.Loaded);
    }

    [Fact]
    public void Load_NoNumericVersionFolder_ThrowsNamingTheFolder()
    {
        Directory.Move(Path.Combine(_repo.Root, Silero, "1"), Path.Combine(_repo.Root, Silero, "v1"));

        var ex = Assert.Throws<InvalidOperationException>(() => Store().Load(Silero));

        Assert.Contains("no numeric version folder", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_VariantPreferringCpu_LoadsThatVariant()
    {
        WriteTwoVariantConfig();

        var model = Store().Load(Silero);

        Assert.Equal("int8", model.Info.Variant);
    }

    [Fact]
    public void Load_VariantOverride_LoadsTheNamedVariant()
    {
        WriteTwoVariantConfig();

        var model = Store(variantOverride: name => name == Silero ? "fp32" : null).Load(Silero);

        Assert.Equal("fp32", model.Info.Variant);
    }

    [Fact]
    public void Load_WarmUpOff_StillServes()
    {
        var store = Store(options: new InferenceOptions { WarmUp = false });

        store.Load(Silero);

        using var lease = store.Acquire(Silero, null);
        Assert.Equal(2, lease.Model.Session.Run(SileroRequests.Raw(), Token).Outputs.Count);
    }

    [Fact]
    public void Load_TwoModels_EachServesIndependently()
    {
        _repo.CopyModel(TestModels.OcrCls);
        var store = Store();

        store.Load(Silero);
        store.Load(TestModels.OcrCls);
        store.Unload(Silero);

        using var lease = store.Acquire(TestModels.OcrCls, null);
        Assert.Equal("x", lease.Model.Info.Inputs.Single().Name);
        InferenceAssert.Throws(InferenceErrorCode.NotFound, () => store.Acquire(Silero, null), "loaded models: ocr-cls");
    }

    [Fact]
    public async Task Load_ReloadsWhileRequestsRun_EveryRequestSucceeds()
    {
        var store = Store();
        store.Load(Silero);
        _repo.CopyVersion(Silero, "2");
        using var done = new CancellationTokenSource();

        var worker = Task.Run(
            () =>
            {
                var served = 0;
                while (!done.IsCancellationRequested || served == 0)
                {
                    using var lease = store.Acquire(Silero, null);
                    Assert.Equal(2, lease.Model.Session.Run(SileroRequests.Raw(), Token).Outputs.Count);
                    served++;
                }

                return served;
            },
            Token);

        for (var i = 0; i < 3; i++)
        {
            store.Load(Silero);
        }

        await done.CancelAsync();
        Assert.True(await worker > 0);
    }

    [Fact]
    public void Dispose_WhileALeaseIsHeld_LeaseKeepsServing()
    {
        var store = new ModelStore(_repo.Root, new InferenceOptions());
        store.Load(Silero);
        var lease = store.Acquire(Silero, null);

        store.Dispose();

        Assert.Empty(store.Loaded);
        Assert.Equal(2, lease.Model.Session.Run(SileroRequests.Raw(), Token).Outputs.Count);
        lease.Dispose();
        Assert.False(lease.Model.TryAcquire());
    }

    [Fact]
    public void ModelNames_ListsFoldersWithAConfigInOrdinalOrder()
    {
        _repo.CopyModel(TestModels.OcrCls);
        Directory.CreateDirectory(Path.Combine(_repo.Root, "no-config"));

        Assert.Equal([TestModels.OcrCls, Silero], Store().ModelNames());
    }

    [Fact]
    public void ModelNames_MissingRoot_IsEmpty() =>
        Assert.Empty(Store(Path.Combine(_repo.Root, "absent")).ModelNames());

    private ModelStore Store(string? root = null, InferenceOptions? options = null, Func<string, string?>? variantOverride = null)
    {
        var store = new ModelStore(root ?? _repo.Root, options ?? new InferenceOptions(), variantOverride);
        _stores.Add(store);
        return store;
    }

    private void WriteTwoVariantConfig()
    {
        var version = Path.Combine(_repo.Root, Silero, "1");
        File.Copy(Path.Combine(version, "model.onnx"), Path.Combine(version, "model.int8.onnx"));
        File.WriteAllText(Path.Combine(_repo.Root, Silero, "config.json"), """
            {"name":"silero-vad","placement":"edge",
             "warmup":[{"name":"input","shape":[1,512]},{"name":"sr","fill":16000}],
             "variants":[{"id":"fp32","file":"model.onnx"},{"id":"int8","file":"model.int8.onnx","precision":"int8","prefer_on":["cpu"]}]}
            """);
    }
}
