using System.Diagnostics;
using System.Net.Http.Json;
using EdgeCloud.CloudHub.Fleet;
using EdgeCloud.TestUtilities;
using EdgeCloud.TestUtilities.Mosquitto;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace EdgeCloud.Fleet.Tests.Infrastructure;

/// <summary>
/// A hub on free ports with its fleet on the chosen broker (embedded, or a real mosquitto with the hub as
/// a client), devices registered with known secrets, and helpers to start agents and raw MQTT clients.
/// </summary>
public sealed class FleetEnvironment : IAsyncDisposable
{
    public const string HubPassword = "hub-secret-for-tests";
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly string _root;

    private FleetEnvironment(BrokerKind kind, InProcessHub hub, MosquittoBroker? mosquitto, int mqttPort, Dictionary<string, string> secrets, string root)
    {
        Kind = kind;
        Hub = hub;
        Mosquitto = mosquitto;
        MqttPort = mqttPort;
        Secrets = secrets;
        _root = root;
    }

    public BrokerKind Kind { get; }

    public InProcessHub Hub { get; }

    public MosquittoBroker? Mosquitto { get; }

    public int MqttPort { get; }

    public IReadOnlyDictionary<string, string> Secrets { get; }

    public string Root => _root;

    /// <summary>Where the hub keeps published model files: <c>{Hub:DataDir}/fleet-models/{name}/{version}/</c>.</summary>
    public string PublishedModelDir(string name, string version) => Path.Combine(_root, "hub-data", "fleet-models", name, version);

    internal DeviceRegistry Registry => Hub.Services.GetRequiredService<DeviceRegistry>();

    internal DesiredStateService Desired => Hub.Services.GetRequiredService<DesiredStateService>();

    public FleetCounters Counters => Hub.Services.GetRequiredService<FleetCounters>();

    public static Task<FleetEnvironment> StartAsync(BrokerKind kind, params (string Id, string[] Groups)[] devices) =>
        StartAsync(kind, new HubSetup(), devices);

    /// <summary>Starts a hub with <paramref name="setup"/>'s models and extra settings.</summary>
    public static async Task<FleetEnvironment> StartAsync(BrokerKind kind, HubSetup setup, params (string Id, string[] Groups)[] devices)
    {
        var root = Directory.CreateTempSubdirectory("edgecloud-fleet-").FullName;
        var secrets = devices.ToDictionary(d => d.Id, d => $"secret-{d.Id}-{Guid.NewGuid():N}", StringComparer.Ordinal);
        MosquittoBroker? mosquitto = null;
        if (kind == BrokerKind.Mosquitto)
        {
            mosquitto = await MosquittoBroker.StartAsync(new MosquittoConfig(HubPassword, [.. devices.Select(d => (d.Id, secrets[d.Id], d.Groups))]));
        }

        var mqttPort = mosquitto?.Port ?? FreePort.Next();
        var repository = Directory.CreateDirectory(Path.Combine(root, "hub-repo")).FullName;
        foreach (var model in setup.Models)
        {
            TestModels.CopyModel(model, repository);
        }

        var settings = new Dictionary<string, string?>
        {
            ["Hub:DataDir"] = Path.Combine(root, "hub-data"),
            ["Hub:Mqtt:Embedded"] = (kind == BrokerKind.Embedded).ToString(),
            ["Hub:Mqtt:Port"] = mqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:Mqtt:Username"] = "hub",
            ["Hub:Mqtt:Password"] = HubPassword,
            ["Hub:Fleet:OperatorPassword"] = HubPassword,
            ["Hub:Fleet:FlushInterval"] = "00:00:00.050",
        };
        foreach (var (key, value) in setup.Settings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var hub = await InProcessHub.StartAsync(repository, setup.Models, settings);
        if (settings.GetValueOrDefault("Hub:Fleet:AdminToken") is { Length: > 0 } token)
        {
            hub.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        if (settings.GetValueOrDefault("Hub:Security:BootstrapAdminKey") is { Length: > 0 } adminKey)
        {
            hub.Http.DefaultRequestHeaders.Add("x-api-key", adminKey); // Hub:Security on: the admin API needs the admin role
        }

        var environment = new FleetEnvironment(kind, hub, mosquitto, mqttPort, secrets, root);
        foreach (var (id, groups) in devices)
        {
            using var response = await hub.Http.PostAsJsonAsync("/admin/v1/devices", new ProvisionRequest(id, null, groups, secrets[id]), TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
        }

        return environment;
    }

    /// <summary>Starts an agent for a registered device on this broker, with extra settings.</summary>
    public async Task<InProcessAgent> StartAgentAsync(string id, string[] groups, IDictionary<string, string?>? settings = null, string seedRepository = "", TimeProvider? time = null, string? downloadEndpoint = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Agent:DeviceId"] = id,
            ["Agent:Mqtt:Host"] = "127.0.0.1",
            ["Agent:Mqtt:Port"] = MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Agent:Mqtt:Password"] = Secrets[id],
            ["Agent:Mqtt:MinBackoff"] = "00:00:00.050",
            ["Agent:Mqtt:MaxBackoff"] = "00:00:00.500",
            ["Agent:Mqtt:DownloadEndpoint"] = downloadEndpoint ?? Hub.GrpcAddress,
        };
        for (var i = 0; i < groups.Length; i++)
        {
            all[$"Agent:Mqtt:Groups:{i}"] = groups[i];
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var agent = await InProcessAgent.StartAsync(Path.Combine(_root, "agent-" + id), seedRepository, "", all, time);
        _owned.Add(agent);
        return agent;
    }

    /// <summary>An MQTTnet client logged in as <paramref name="user"/> (connect it yourself).</summary>
    public (IMqttClient Client, MqttClientOptions Options) RawClient(string user, string password, string? clientId = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", MqttPort)
            .WithClientId(clientId ?? user)
            .WithCredentials(user, password)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .Build();
        return (client, options);
    }

    /// <summary>Waits (bounded, on registry changes, no polling timer) until the device satisfies <paramref name="condition"/>.</summary>
    public async Task<DeviceRecord> WaitForDeviceAsync(string id, Func<DeviceRecord, bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var changed = Registry.Changed;
            if (Registry.TryGet(id, out var device) && condition(device))
            {
                return device;
            }

            var left = limit - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"device '{id}' did not reach the expected state within {limit}; last: {device}");
            }

            await Task.WhenAny(changed, Task.Delay(left, TestContext.Current.CancellationToken));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        await Hub.DisposeAsync();
        if (Mosquitto is not null)
        {
            await Mosquitto.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a closing process; the temp folder is cleaned later
        }
    }
}
