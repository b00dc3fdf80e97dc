using System.Text.Json.Nodes;
using EdgeCloud.Shared.Tests.TestSupport;

namespace EdgeCloud.Shared.Tests.Models;

/// <summary>Model instances: <c>instance_count</c> sessions per loaded model.</summary>
public sealed partial class ModelStoreTests
{
    [Fact]
    public void Load_InstanceCountThree_LoadsThreeSessionsThatEachRun()
    {
        SetInstanceCount(Silero, 3);
        var store = Store();

        var model = store.Load(Silero);

        Assert.Equal(3, model.Instances.Count);
        Assert.Equal(3, model.Instances.Distinct().Count());
        Assert.Same(model.Instances[0], model.Session);
        Assert.All(model.Instances, session => Assert.Equal(2, session.Run(SileroRequests.Raw(), Token).Outputs.Count));
    }

    [Fact]
    public void Load_DefaultConfig_LoadsOneInstance()
    {
        var model = Store().Load(Silero);

        Assert.Same(model.Session, Assert.Single(model.Instances));
    }

    [Fact]
    public void Unload_WhileALeaseHoldsAnInstance_LetsEveryInstanceFinish()
    {
        SetInstanceCount(Silero, 2);
        var store = Store();
        store.Load(Silero);
        using var lease = store.Acquire(Silero, null);

        Assert.True(store.Unload(Silero));

        Assert.All(lease.Model.Instances, session => Assert.Equal(2, session.Run(SileroRequests.Raw(), Token).Outputs.Count));
    }

    private void SetInstanceCount(string model, int count)
    {
        var path = Path.Combine(_repo.Root, model, "config.json");
        var config = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        config["instance_count"] = count;
        File.WriteAllText(path, config.ToJsonString());
    }
}
