using System.Net;
using EdgeCloud.Protocol;
using EdgeCloud.TestUtilities;

namespace EdgeCloud.CloudHub.Tests.Integration;

/// <summary>Hub:StrictReadiness: a hub with a model that failed its start-up load is live and serves the rest, but is not ready.</summary>
public sealed class StrictReadinessTests : IDisposable
{
    private readonly string _repository = Directory.CreateTempSubdirectory("edgecloud-repo-").FullName;

    public StrictReadinessTests()
    {
        TestModels.CopyModel("silero-vad", _repository);
        TestModels.CopyModel("ocr-cls", _repository);
    }

    private string OcrClsConfig => Path.Combine(_repository, "ocr-cls", "config.json");

    public void Dispose() => Directory.Delete(_repository, recursive: true);

    [Fact]
    public async Task StartUpLoadFailed_Strict_NotReadyButLiveAndServingTheOthers_ReadyOnceTheModelLoads()
    {
        var ct = TestContext.Current.CancellationToken;
        var goodConfig = await File.ReadAllTextAsync(OcrClsConfig, ct);
        await File.WriteAllTextAsync(OcrClsConfig, "{\"name\":\"ocr-cls\",\"placement\":\"moon\"}", ct);
        await using var hub = await InProcessHub.StartAsync(_repository, []);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await hub.Http.GetAsync("/v2/health/ready", ct)).StatusCode);
        Assert.False((await hub.Client.ServerReadyAsync(new ServerReadyRequest(), cancellationToken: ct)).Ready);
        Assert.Equal(HttpStatusCode.OK, (await hub.Http.GetAsync("/v2/health/live", ct)).StatusCode);
        Assert.True((await hub.Client.ModelReadyAsync(new ModelReadyRequest { Name = "silero-vad" }, cancellationToken: ct)).Ready);
        var answer = await hub.Client.ModelInferAsync(Requests.Silero(Requests.Sine(512)), cancellationToken: ct);
        Assert.NotEmpty(answer.RawOutputContents);

        await File.WriteAllTextAsync(OcrClsConfig, goodConfig, ct);
        await hub.Client.RepositoryModelLoadAsync(new RepositoryModelLoadRequest { ModelName = "ocr-cls" }, cancellationToken: ct);

        Assert.Equal(HttpStatusCode.OK, (await hub.Http.GetAsync("/v2/health/ready", ct)).StatusCode);
        Assert.True((await hub.Client.ServerReadyAsync(new ServerReadyRequest(), cancellationToken: ct)).Ready);
    }

    [Fact]
    public async Task StartUpLoadFailed_NotStrict_ReadyWithWhatLoaded()
    {
        var ct = TestContext.Current.CancellationToken;
        await File.WriteAllTextAsync(OcrClsConfig, "{\"name\":\"ocr-cls\",\"placement\":\"moon\"}", ct);
        await using var hub = await InProcessHub.StartAsync(_repository, [], new Dictionary<string, string?> { ["Hub:StrictReadiness"] = "false" });

        Assert.Equal(HttpStatusCode.OK, (await hub.Http.GetAsync("/v2/health/ready", ct)).StatusCode);
        Assert.True((await hub.Client.ServerReadyAsync(new ServerReadyRequest(), cancellationToken: ct)).Ready);
        Assert.False((await hub.Client.ModelReadyAsync(new ModelReadyRequest { Name = "ocr-cls" }, cancellationToken: ct)).Ready);
    }
}
