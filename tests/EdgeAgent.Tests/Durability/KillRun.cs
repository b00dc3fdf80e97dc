using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using EdgeCloud.CloudHub.Events;
using EdgeCloud.EdgeAgent.Tests.Outbox;
using EdgeCloud.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCloud.EdgeAgent.Tests.Durability;

/// <summary>
/// The kill test's procedure: rounds of (start the agent as a child process, write events through
/// its REST API from concurrent writers, SIGKILL it at a random moment). The hub is absent for the
/// first half of the rounds and present for the rest, so kills land both while events only pile up
/// and while they are being drained. Then one last agent runs until its outbox is empty.
/// </summary>
internal sealed class KillRun(int rounds, int writers, int seed, string seedRepository, string workDir)
{
    public const string DeviceId = "kill-test";

    public ConcurrentBag<string> Acknowledged { get; } = [];

    public ConcurrentBag<string> Unacknowledged { get; } = [];

    public IReadOnlyList<string> Stored { get; private set; } = [];

    public long HubDuplicatesIgnored { get; private set; }

    public int Kills { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        var random = new Random(seed);
        var hubPort = FreePort.Next();
        var settings = new Dictionary<string, string>
        {
            ["Agent:DataDir"] = Path.Combine(workDir, "agent"),
            ["Agent:DeviceId"] = DeviceId,
            ["Agent:Cloud:Endpoint"] = $"http://127.0.0.1:{hubPort.ToString(CultureInfo.InvariantCulture)}",
            ["Agent:Cloud:AttemptTimeout"] = "00:00:00.500",
            ["Agent:Outbox:PublishTimeout"] = "00:00:02",
            ["Agent:Outbox:RetryMinDelay"] = "00:00:00.050",
            ["Agent:Outbox:RetryMaxDelay"] = "00:00:00.250",
            ["Agent:Outbox:DrainBatchSize"] = "50",
        };

        InProcessHub? hub = null;
        try
        {
            for (var round = 0; round < rounds; round++)
            {
                if (round == rounds / 2)
                {
                    hub = await HubFactory.StartAsync(seedRepository, Path.Combine(workDir, "hub"), hubPort);
                }

                using var agent = await AgentProcess.StartAsync(settings, ct);
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var writing = Enumerable.Range(0, writers).Select(w => WriteAsync(agent, $"r{round}-w{w}", stop.Token)).ToArray();
                await Task.Delay(random.Next(150, 900), ct);
                agent.Kill();
                Kills++;
                await stop.CancelAsync();
                await Task.WhenAll(writing);
            }

            hub ??= await HubFactory.StartAsync(seedRepository, Path.Combine(workDir, "hub"), hubPort);
            using (var last = await AgentProcess.StartAsync(settings, ct))
            {
                await OutboxProbe.WaitForAsync(last.Http, s => s.GetProperty("pending_events").GetInt64() == 0, TimeSpan.FromSeconds(120), ct);
            }

            var store = hub.Services.GetRequiredService<HubEventStore>();
            Stored = await store.IdsAsync(DeviceId, ct);
            HubDuplicatesIgnored = store.Duplicates;
        }
        finally
        {
            if (hub is not null)
            {
                await hub.DisposeAsync();
            }
        }
    }

    private async Task WriteAsync(AgentProcess agent, string prefix, CancellationToken ct)
    {
        await Task.Yield();
        for (var n = 0; !ct.IsCancellationRequested; n++)
        {
            var id = $"{prefix}-{n.ToString(CultureInfo.InvariantCulture)}";
            try
            {
                using var content = new StringContent($$$"""{"id":"{{{id}}}","type":"kill.test","payload":{"n":{{{n}}}}}""", Encoding.UTF8, "application/json");
                using var response = await agent.Http.PostAsync("/edgecloud/v1/events", content, CancellationToken.None);
                (response.StatusCode == HttpStatusCode.Accepted ? Acknowledged : Unacknowledged).Add(id);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
            {
                Unacknowledged.Add(id); // the process died under this request: it may or may not have been stored
                return;
            }
        }
    }
}
