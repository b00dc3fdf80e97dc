using EdgeCloud.Shared.Fleet;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>
/// The embedded MQTTnet broker on <c>Hub:Mqtt:Port</c>: every client authenticates (a device with its id
/// and secret, or the operator), and devices are held to their own topics. What devices report is taken in
/// by the publish interceptor and not matched against subscriptions (only the hub consumes it), which is
/// what keeps intake linear in the fleet size; retained reports are kept as retained messages, written by one
/// loop (<c>EmbeddedFleetBroker.Retained.cs</c>).
/// </summary>
internal sealed partial class EmbeddedFleetBroker : IFleetBroker, IHostedService, IAsyncDisposable
{
    private const string DeviceItem = "edgecloud.device";
    private const string OperatorItem = "edgecloud.operator";

    private readonly MqttServer _server;
    private readonly DeviceRegistry _registry;
    private readonly FleetIntake _intake;
    private readonly FleetCounters _counters;
    private readonly FleetHubOptions _fleet;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<Func<CancellationToken, Task>> _onConnected = [];
    private bool _disposed;

    public EmbeddedFleetBroker(
        IOptions<HubOptions> hub, IOptions<FleetHubOptions> fleet, DeviceRegistry registry, FleetIntake intake, FleetCounters counters,
        TimeProvider time, ILogger<EmbeddedFleetBroker> logger)
    {
        _registry = registry;
        _intake = intake;
        _counters = counters;
        _fleet = fleet.Value;
        _time = time;
        _logger = logger;
        Port = hub.Value.Mqtt.Port;
        TlsPort = hub.Value.Mqtt.Tls.IsEnabled ? hub.Value.Mqtt.Tls.Port : null;
        _server = new MqttServerFactory().CreateMqttServer(BuildOptions(hub.Value));
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        _server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
    }

    public int Port { get; }

    /// <summary>The TLS listener's port (<c>Hub:Mqtt:Tls:Port</c>); null without one.</summary>
    public int? TlsPort { get; }

    public void OnConnected(Func<CancellationToken, Task> handler) => _onConnected.Add(handler);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _server.StartAsync();
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            throw new IOException($"Hub:Mqtt:Port / Hub:Mqtt:Tls:Port: the embedded MQTT broker cannot listen on port {Port} (TLS: {TlsPort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}): {ex.Message}", ex);
        }

        StartRetainedLoop();
        Log.BrokerStarted(_logger, Port);
        await PublishAsync(FleetTopics.HubState(_fleet.Name), HubState(online: true), retain: true, cancellationToken);
        foreach (var handler in _onConnected)
        {
            await handler(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server.IsStarted)
        {
            await PublishAsync(FleetTopics.HubState(_fleet.Name), HubState(online: false), retain: true, cancellationToken);
            await StopRetainedLoopAsync();
            await _server.StopAsync(new MqttServerStopOptions());
        }
    }

    public Task PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        return _server.InjectApplicationMessage(
            new InjectedMqttApplicationMessage(message) { SenderClientId = FleetIdentities.HubClientId },
            cancellationToken);
    }

    /// <summary>Closes <paramref name="clientId"/>'s session if it is connected (a revoked device); true when one was closed.</summary>
    public async Task<bool> DisconnectAsync(string clientId, CancellationToken cancellationToken)
    {
        foreach (var client in await _server.GetClientsAsync())
        {
            if (client.Id == clientId)
            {
                await client.DisconnectAsync(new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.NotAuthorized, ReasonString = "the device was revoked" });
                return true;
            }
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAsync(CancellationToken.None);
        _server.Dispose();
    }

    private byte[] HubState(bool online) =>
        FleetPayload.Write(new StateMessage(FleetSchema.Current, online, 0, _time.GetUtcNow().ToUnixTimeMilliseconds()), FleetJsonContext.Default.StateMessage);
}
