using EdgeCloud.Protocol;
using EdgeCloud.TestUtilities;
using EdgeCloud.TestUtilities.Fuzzing;

namespace EdgeCloud.Security.Tests.Fuzzing;

/// <summary>What the fuzz tests aim at: a real hub serving ocr-cls, a real agent linked to it, and a valid seed request.</summary>
internal sealed class FuzzTargets : IAsyncDisposable
{
    private readonly string _root;

    private FuzzTargets(string root, InProcessHub hub, InProcessAgent agent, ModelInferRequest valid)
    {
        _root = root;
        Hub = hub;
        Agent = agent;
        Valid = valid;
    }

    public InProcessHub Hub { get; }

    public InProcessAgent Agent { get; }

    public ModelInferRequest Valid { get; }

    public static async Task<FuzzTargets> StartAsync(CancellationToken ct)
    {
        var root = Directory.CreateTempSubdirectory("edgecloud-fuzz-").FullName;
        var repository = Path.Combine(root, "repo");
        TestModels.CopyModel("ocr-cls", repository);
        var hub = await InProcessHub.StartAsync(repository, ["ocr-cls"]);
        var agent = await InProcessAgent.StartAsync(Path.Combine(root, "agent"), repository, hub.GrpcAddress);
        var valid = await InferSeed.ValidRequestAsync(hub.Client, "ocr-cls", ct);
        await hub.Client.ModelInferAsync(valid, cancellationToken: ct); // the seed request is itself valid
        return new FuzzTargets(root, hub, agent, valid);
    }

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        await Hub.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
