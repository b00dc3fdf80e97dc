using EdgeCloud.Shared.Fleet;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>
/// The hub as a client of an external broker (<c>Hub:Mqtt:Embedded=false</c>, e.g. mosquitto with a
/// password file and a pattern ACL). Reconnects with capped exponential backoff on <see cref="TimeProvider"/>,
/// announces itself on <c>…/hub/state</c> (will: offline) and takes in device reports through one
/// subscription per report leaf. The broker enforces device ACLs; the hub still checks that the sender
/// is a registered device and every payload's bounds.
/// </summary>
internal sealed class ExternalFleetBroker : BackgroundService, IFleetBroker
{
    private static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    private readonly HubMqttOptions _mqtt;
    private readonly FleetHubOptions _fleet;
    private readonly DeviceRegistry _registry;
    private readonly FleetIntake _intake;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly List<Func<CancellationToken, Task>> _onConnected = [];
    private TaskCompletionSource _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ExternalFleetBroker(
        IOptions<HubOptions> hub, IOptions<FleetHubOptions> fleet, DeviceRegistry registry, FleetIntake intake, TimeProvider time, ILogger<ExternalFleetBroker> logger)
    {
        _mqtt = hub.Value.Mqtt;
        _fleet = fleet.Value;
        _registry = registry;
        _intake = intake;
        _time = time;
        _logger = logger;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += _ =>
        {
            Volatile.Read(ref _lost).TrySetResult();
            return Task.CompletedTask;
        };
    }

    public void OnConnected(Func<CancellationToken, Task> handler) => _onConnected.Add(handler);

    public async Task PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            Log.PublishDeferred(_logger, topic);
            return; // desired state is stored; it is republished on reconnect
        }

        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build();
        await _client.PublishAsync(message, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = MinBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _lost, lost);
                await ConnectAsync(stoppingToken);
                backoff = MinBackoff;
                await lost.Task.WaitAsync(stoppingToken);
                Log.BrokerLinkLost(_logger, _mqtt.Host, _mqtt.Port);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is MqttCommunicationException or InvalidOperationException or OperationCanceledException or System.Net.Sockets.SocketException)
            {
                Log.BrokerLinkFailed(_logger, _mqtt.Host, _mqtt.Port, backoff, ex.Message);
                await Task.Delay(backoff, _time, stoppingToken).ContinueWith(static _ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            await PublishAsync(FleetTopics.HubState(_fleet.Name), HubState(online: false), retain: true, cancellationToken);
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken);
        }

        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(_mqtt.Host, _mqtt.Port)
            .WithClientId(FleetIdentities.HubClientId.TrimStart('$'))
            .WithCredentials(_mqtt.Username, _mqtt.Password)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithWillTopic(FleetTopics.HubState(_fleet.Name))
            .WithWillPayload(HubState(online: false))
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillRetain(true)
            .Build();
        var result = await _client.ConnectAsync(options, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the hub's login '{_mqtt.Username}': {result.ResultCode} {result.ReasonString}");
        }

        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in FleetTopics.HubIntakeFilters)
        {
            subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await _client.SubscribeAsync(subscribe.Build(), cancellationToken);
        Log.BrokerLinkUp(_logger, _mqtt.Host, _mqtt.Port);
        await PublishAsync(FleetTopics.HubState(_fleet.Name), HubState(online: true), retain: true, cancellationToken);
        foreach (var handler in _onConnected)
        {
            await handler(cancellationToken);
        }
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var topic = args.ApplicationMessage.Topic;
        if (!FleetTopics.TryParseDevice(topic, out var fleet, out var deviceId, out var leaf)
            || !_registry.TryGet(deviceId, out var device) || device.Fleet != fleet)
        {
            _intake.Reject("(broker)", topic, FleetRejectReason.ForbiddenTopic, "not the topic of a registered device");
            return Task.CompletedTask;
        }

        _intake.Accept(deviceId, leaf, args.ApplicationMessage.Payload);
        return Task.CompletedTask;
    }

    private byte[] HubState(bool online) =>
        FleetPayload.Write(new StateMessage(FleetSchema.Current, online, 0, _time.GetUtcNow().ToUnixTimeMilliseconds()), FleetJsonContext.Default.StateMessage);
}
