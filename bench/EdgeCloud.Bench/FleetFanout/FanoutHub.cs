using System.Globalization;
using EdgeCloud.CloudHub.Fleet;
using EdgeCloud.TestUtilities;
using EdgeCloud.TestUtilities.Mosquitto;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCloud.Bench.FleetFanout;

/// <summary>
/// An in-process hub whose fleet runs on the embedded broker, or on mosquitto with the hub as its client
/// (as in the fleet tests), with the simulated fleet registered through the admin API.
/// </summary>
internal sealed class FanoutHub : IAsyncDisposable
{
    private const string HubPassword = "fanout-hub-secret";
    private readonly MosquittoBroker? _mosquitto;
    private readonly string _root;

    private FanoutHub(InProcessHub hub, MosquittoBroker? mosquitto, int mqttPort, string root)
    {
        (Hub, _mosquitto, MqttPort, _root) = (hub, mosquitto, mqttPort, root);
        Admin = new FanoutAdmin(hub.Http);
    }

    public InProcessHub Hub { get; }

    public int MqttPort { get; }

    public FanoutAdmin Admin { get; }

    /// <summary>CPU time used so far by this process (the hub, its embedded broker, the bench's watch) and by mosquitto, if any.</summary>
    public RoundCpu CpuTime(TimeSpan swarm) => new(Environment.CpuUsage.TotalTime, swarm, _mosquitto?.CpuTime ?? TimeSpan.Zero);

    public FleetCounters Counters => Hub.Services.GetRequiredService<FleetCounters>();

    public static async Task<FanoutHub> StartAsync(FanoutBroker broker, FanoutFleet fleet)
    {
        var root = Directory.CreateTempSubdirectory("edgecloud-fanout-").FullName;
        var mosquitto = broker == FanoutBroker.Mosquitto ? await StartMosquittoAsync(fleet) : null;
        var port = mosquitto?.Port ?? TestUtilities.FreePort.Next();
        var settings = new Dictionary<string, string?>
        {
            ["Hub:DataDir"] = Path.Combine(root, "hub-data"),
            ["Hub:Mqtt:Embedded"] = (broker == FanoutBroker.Embedded).ToString(),
            ["Hub:Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Hub:Mqtt:Username"] = "hub",
            ["Hub:Mqtt:Password"] = HubPassword,
            ["Hub:Mqtt:MaxPendingMessagesPerClient"] = "1000000",
            ["Hub:Fleet:OperatorPassword"] = HubPassword,
        };
        var hub = await InProcessHub.StartAsync(Directory.CreateDirectory(Path.Combine(root, "repo")).FullName, [], settings);
        var rig = new FanoutHub(hub, mosquitto, port, root);
        await rig.Admin.ProvisionAsync(fleet);
        return rig;
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        if (_mosquitto is not null)
        {
            await _mosquitto.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by the closing hub; the temp folder is cleaned later
        }
    }

    /// <summary>mosquitto with the fleet tests' config and its queue limit raised to 1,000,000 (nothing dropped at 10,000 agents).</summary>
    private static Task<MosquittoBroker> StartMosquittoAsync(FanoutFleet fleet) => MosquittoBroker.StartAsync(
        new MosquittoConfig(HubPassword, [.. fleet.Devices.Select(d => (d.Id, d.Secret, new[] { fleet.Group }))], fleet.Name, MaxQueuedMessages: 1_000_000),
        static line => Console.Error.WriteLine($"  mosquitto: {line}"));
}
