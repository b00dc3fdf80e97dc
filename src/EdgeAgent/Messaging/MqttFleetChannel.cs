using System.Buffers;
using EdgeCloud.Shared.Fleet;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace EdgeCloud.EdgeAgent.Messaging;

/// <summary>
/// <see cref="IFleetChannel"/> over MQTTnet 5. Structured like MQTTnet's reconnect sample, but in a
/// <see cref="BackgroundService"/> on the stopping token and <see cref="TimeProvider"/>: connect with the
/// device's credentials and a will (<c>online:false</c> with this session's bdSeq), publish birth
/// (<c>online:true</c>, same bdSeq, retained), subscribe, then wait for the connection to drop and
/// reconnect with capped exponential backoff. Works unchanged against mosquitto.
/// </summary>
internal sealed partial class MqttFleetChannel : BackgroundService, IFleetChannel
{
    private readonly AgentMqttOptions _options;
    private readonly AgentOptions _agent;
    private readonly IBirthSequence _birth;
    private readonly IFleetMessageHandler _handler;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private TaskCompletionSource _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _bdSeq = -1;

    public MqttFleetChannel(
        IOptions<AgentMqttOptions> options, IOptions<AgentOptions> agent, IBirthSequence birth, IFleetMessageHandler handler, TimeProvider time, ILogger<MqttFleetChannel> logger)
    {
        _options = options.Value;
        _agent = agent.Value;
        _birth = birth;
        _handler = handler;
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

    public bool IsConnected => _client.IsConnected;

    /// <summary>The birth/death sequence of the current (or last) session.</summary>
    public long BdSeq => Interlocked.Read(ref _bdSeq);

    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, bool retain, bool atMostOnce, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload.ToArray())
            .WithQualityOfServiceLevel(atMostOnce ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        var result = await _client.PublishAsync(message, cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"the broker refused the publish to '{topic}': {result.ReasonCode} {result.ReasonString}");
        }
    }

    public async Task ResubscribeAsync(string topic, CancellationToken cancellationToken)
    {
        await _client.UnsubscribeAsync(new MqttClientUnsubscribeOptionsBuilder().WithTopicFilter(topic).Build(), cancellationToken);
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = _options.MinBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _lost, lost);
                await ConnectAsync(stoppingToken);
                backoff = _options.MinBackoff;
                await lost.Task.WaitAsync(stoppingToken);
                Log.ConnectionLost(_logger, _options.Host, _options.Port);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is MqttCommunicationException or InvalidOperationException or OperationCanceledException or System.Net.Sockets.SocketException)
            {
                Log.ConnectFailed(_logger, _options.Host, _options.Port, backoff, ex.Message);
                try
                {
                    await Task.Delay(backoff, _time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            try
            {
                // A clean goodbye: the broker discards the will, so say offline ourselves.
                await PublishAsync(StateTopic, State(online: false), retain: true, atMostOnce: false, cancellationToken);
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken);
            }
            catch (Exception ex) when (ex is MqttCommunicationException or InvalidOperationException or OperationCanceledException)
            {
                Log.GoodbyeFailed(_logger, ex.Message);
            }
        }

        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    private string StateTopic => FleetTopics.Device(_agent.Fleet, _agent.DeviceId, FleetTopics.State);

    private byte[] State(bool online) =>
        FleetPayload.Write(new StateMessage(FleetSchema.Current, online, BdSeq, _time.GetUtcNow().ToUnixTimeMilliseconds()), FleetJsonContext.Default.StateMessage);

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _bdSeq, await _birth.NextAsync(cancellationToken));
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithFleetTransport(_options)
            .WithClientId(_agent.DeviceId)
            .WithCredentials(_agent.DeviceId, _options.Password)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithWillTopic(StateTopic)
            .WithWillPayload(State(online: false))
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillRetain(true)
            .Build();
        var result = await _client.ConnectAsync(options, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused device '{_agent.DeviceId}': {result.ResultCode} {result.ReasonString}");
        }

        await PublishAsync(StateTopic, State(online: true), retain: true, atMostOnce: false, cancellationToken);
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var topic in _handler.Subscriptions)
        {
            subscribe.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var subscribed = await _client.SubscribeAsync(subscribe.Build(), cancellationToken);
        foreach (var item in subscribed.Items.Where(i => (int)i.ResultCode >= 0x80))
        {
            Log.SubscriptionRefused(_logger, item.TopicFilter.Topic, item.ResultCode.ToString());
        }

        Log.Connected(_logger, _options.Host, _options.Port, BdSeq);
        await _handler.OnConnectedAsync(this, cancellationToken);
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        try
        {
            await _handler.OnMessageAsync(this, args.ApplicationMessage.Topic, args.ApplicationMessage.Payload, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The handler refuses bad input itself; this is the last guard so MQTTnet's receive loop never dies.
            Log.HandlerFailed(_logger, args.ApplicationMessage.Topic, ex);
        }
    }
}
