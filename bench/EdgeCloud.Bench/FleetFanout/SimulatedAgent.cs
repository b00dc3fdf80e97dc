using EdgeCloud.Shared.Fleet;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCloud.Bench.FleetFanout;

/// <summary>
/// A device reduced to its MQTT contract: connects with its credentials, subscribes to its group's desired
/// topic and, for every newer desired version, publishes its reported state with that version applied (QoS 1).
/// </summary>
internal sealed class SimulatedAgent : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly string _id;
    private readonly string _fleet;
    private readonly string _group;
    private readonly AgentSwarmCounters _counters;
    private long _applied;

    public SimulatedAgent(string id, string fleet, string group, AgentSwarmCounters counters)
    {
        (_id, _fleet, _group, _counters) = (id, fleet, group, counters);
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnDesiredAsync;
    }

    public async Task ConnectAsync(int port, string secret, CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(_id)
            .WithCredentials(_id, secret)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromMinutes(5))
            .WithTimeout(TimeSpan.FromSeconds(60))
            .Build();
        await _client.ConnectAsync(options, cancellationToken);
        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(FleetTopics.Group(_fleet, _group, FleetTopics.Desired), MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _client.SubscribeAsync(subscribe, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    private Task OnDesiredAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var desired = FleetPayload.Read(args.ApplicationMessage.Payload, FleetJsonContext.Default.DesiredDocument);
        if (desired.Version <= Interlocked.Read(ref _applied))
        {
            return Task.CompletedTask;
        }

        Interlocked.Exchange(ref _applied, desired.Version);
        _counters.DesiredReceived();
        var reported = new ReportedState(
            FleetSchema.Current,
            new Dictionary<string, long>(StringComparer.Ordinal) { [$"group:{_group}"] = desired.Version },
            [], [], [], TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(FleetTopics.Device(_fleet, _id, FleetTopics.Reported))
            .WithPayload(FleetPayload.Write(reported, FleetJsonContext.Default.ReportedState))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(true)
            .Build();

        // Not awaited here: the PUBACK must not hold up this client's message handling.
        _ = PublishAsync(message);
        return Task.CompletedTask;
    }

    private async Task PublishAsync(MqttApplicationMessage message)
    {
        try
        {
            var result = await _client.PublishAsync(message);
            if (!result.IsSuccess)
            {
                _counters.PublishFailed();
            }
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            _counters.PublishFailed();
        }
    }
}
