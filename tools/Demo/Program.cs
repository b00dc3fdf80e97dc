using EdgeCloud.Demo;
using EdgeCloud.Protocol;
using Grpc.Net.Client;

// The EdgeCloud demo: a hub and an agent as real processes, real models, and a short workload that
// shows the local path, the cloud path, the result cache, and a link drop with recovery.
var settings = DemoSettings.Parse(args);
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
var ct = cancel.Token;
if (Directory.Exists(settings.WorkDir))
{
    Directory.Delete(settings.WorkDir, recursive: true);
}

Directory.CreateDirectory(settings.WorkDir);
var requests = new DemoRequests(settings.ModelRepository);
var calls = new List<DemoCall>();

Console.WriteLine($"Starting the hub (gRPC :{DemoSettings.HubGrpcPort}, REST :{DemoSettings.HubHttpPort}) and the agent (gRPC :{DemoSettings.AgentGrpcPort}, REST :{DemoSettings.AgentHttpPort}); logs in {settings.WorkDir}");
var hub = ChildProcess.Start("hub", settings.HubDll, settings.HubArgs(), Path.Combine(settings.WorkDir, "hub.log"));
await using var agent = ChildProcess.Start("agent", settings.AgentDll, settings.AgentArgs(), Path.Combine(settings.WorkDir, "agent.log"));
try
{
    await hub.WaitReadyAsync(DemoSettings.HubHttpPort, TimeSpan.FromSeconds(90), ct);
    await agent.WaitReadyAsync(DemoSettings.AgentHttpPort, TimeSpan.FromSeconds(90), ct);
    using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{DemoSettings.AgentGrpcPort}");
    var client = new GRPCInferenceService.GRPCInferenceServiceClient(channel);

    async Task<DemoCall> Call(ModelInferRequest request)
    {
        var call = await DemoCall.RunAsync(client, request, ct);
        calls.Add(call);
        Console.WriteLine(call);
        return call;
    }

    Console.WriteLine("\n1. Local: voice activity on the device (silero-vad is placed on the edge), sentence embeddings pinned to the device");
    await Call(DemoRequests.Speech(220));
    var food = await Call(requests.Sentence("A man is eating food.", route: "local"));
    var bread = await Call(requests.Sentence("A man is eating a piece of bread.", route: "local"));
    var market = await Call(requests.Sentence("The stock market crashed today.", route: "local"));
    Console.WriteLine($"  cosine(food, bread) = {DemoRequests.Cosine(DemoRequests.Embedding(food.Response!), DemoRequests.Embedding(bread.Response!)):0.000}" +
                      $"   cosine(food, market) = {DemoRequests.Cosine(DemoRequests.Embedding(food.Response!), DemoRequests.Embedding(market.Response!)):0.000}");

    Console.WriteLine("\n2. Cloud: an image model placed in the cloud, and embeddings while the device prefers the cloud");
    await Call(DemoRequests.Image(1));
    await Call(requests.Sentence("Edge devices keep serving when the link drops."));

    Console.WriteLine("\n3. Cache: the same requests again are answered from the device's SQLite result cache");
    await Call(DemoRequests.Image(1));
    await Call(requests.Sentence("Edge devices keep serving when the link drops."));

    Console.WriteLine("\n4. Link drop: the hub is killed (SIGKILL); models on the device keep answering, degraded; cloud-only models say why");
    await hub.KillAsync();
    for (var i = 0; i < 6; i++)
    {
        await Call(requests.Sentence($"Sentence number {i} while the cloud is gone.", cache: false));
    }

    await Call(DemoRequests.Image(2, cache: false));

    Console.WriteLine("\n5. Link back: the hub restarts; after the circuit's break the cloud serves again");
    await hub.DisposeAsync();
    hub = ChildProcess.Start("hub", settings.HubDll, settings.HubArgs(), Path.Combine(settings.WorkDir, "hub.log"));
    await hub.WaitReadyAsync(DemoSettings.HubHttpPort, TimeSpan.FromSeconds(90), ct);
    DemoCall last;
    var attempt = 0;
    do
    {
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        last = await Call(requests.Sentence($"Is the cloud back? attempt {++attempt}", cache: false));
    }
    while (last.ServedBy != "cloud" && attempt < 15);

    Console.WriteLine("\nSummary");
    foreach (var group in calls.GroupBy(c => c.ServedBy + (c.Degraded ? " (degraded)" : "")))
    {
        var ms = group.Select(c => c.Milliseconds).Order().ToList();
        Console.WriteLine($"  {group.Key,-18} {group.Count(),3} requests   median {ms[ms.Count / 2],8:0.0} ms");
    }

    var ok = calls.Any(c => c.ServedBy == "local") && calls.Any(c => c.ServedBy == "cloud") && calls.Any(c => c.ServedBy == "cache")
             && calls.Any(c => c.Degraded) && last.ServedBy == "cloud";
    Console.WriteLine(ok ? "\nDemo complete: local, cloud, cache and a link drop with recovery were all shown." : "\nDemo incomplete: see the logs.");
    return ok ? 0 : 1;
}
finally
{
    await hub.DisposeAsync();
}
