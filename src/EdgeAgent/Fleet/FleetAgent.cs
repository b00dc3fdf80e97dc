using System.Buffers;
using System.Threading.Channels;
using EdgeCloud.EdgeAgent.Messaging;
using EdgeCloud.EdgeAgent.Security;
using EdgeCloud.Shared.Fleet;
using EdgeCloud.Shared.Hosting;
using EdgeCloud.Shared.Models;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Fleet;

/// <summary>
/// The agent's side of fleet management. Messages from the channel are queued and handled one at a time
/// on this service's own loop (never on MQTTnet's receive loop, so a model download cannot stall
/// keep-alives). Desired documents are validated, applied hot and persisted as last-known-good; an
/// invalid one is refused with its reason in reported state. Patches apply only on the next version,
/// anything else resyncs from the retained full document.
/// </summary>
internal sealed partial class FleetAgent : BackgroundService, IFleetMessageHandler
{
    private const string DeviceScope = "device";
    private const int MaxRejections = 16;

    private readonly AgentOptions _agent;
    private readonly AgentMqttOptions _mqtt;
    private readonly FleetStateStore _state;
    private readonly DesiredConfigValidator _validator;
    private readonly FleetConfigurationSource _configuration;
    private readonly ModelUpdater _updater;
    private readonly ModelStore _store;
    private readonly ModelStoreStartup _startup;
    private readonly FleetTelemetryCounters _telemetry;
    private readonly FleetAgentCounters _counters;
    private readonly TimeProvider _time;
    private readonly AgentAuditTrail _audit;
    private readonly ILogger _logger;
    private readonly Channel<(IFleetChannel Channel, string Topic, byte[] Payload)> _inbox =
        Channel.CreateBounded<(IFleetChannel, string, byte[])>(new BoundedChannelOptions(1024) { SingleReader = true });

    private readonly Dictionary<string, DesiredDocument> _applied = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _modelErrors = new(StringComparer.Ordinal);
    private readonly List<ReportedRejection> _rejected = [];
    private IReadOnlyList<string> _restartRequired = [];
    private IFleetChannel? _channel;

    public FleetAgent(
        IOptions<AgentOptions> agent, IOptions<AgentMqttOptions> mqtt, FleetStateStore state, DesiredConfigValidator validator,
        FleetConfigurationSource configuration, ModelUpdater updater, ModelStore store, ModelStoreStartup startup,
        FleetTelemetryCounters telemetry, FleetAgentCounters counters, TimeProvider time, AgentAuditTrail audit, ILogger<FleetAgent> logger)
    {
        _agent = agent.Value;
        _mqtt = mqtt.Value;
        _state = state;
        _validator = validator;
        _configuration = configuration;
        _updater = updater;
        _store = store;
        _startup = startup;
        _telemetry = telemetry;
        _counters = counters;
        _time = time;
        _audit = audit;
        _logger = logger;
        Subscriptions =
        [
            Topic(FleetTopics.Desired),
            Topic(FleetTopics.DesiredPatch),
            Topic(FleetTopics.Command),
            .. _mqtt.Groups.SelectMany(g => new[] { FleetTopics.Group(_agent.Fleet, g, FleetTopics.Desired), FleetTopics.Group(_agent.Fleet, g, FleetTopics.DesiredPatch) }),
        ];
    }

    public IReadOnlyList<string> Subscriptions { get; }

    public async Task OnConnectedAsync(IFleetChannel channel, CancellationToken cancellationToken)
    {
        _channel = channel;
        await _inbox.Writer.WriteAsync((channel, "", []), cancellationToken); // report once the loop is idle
    }

    public async Task OnMessageAsync(IFleetChannel channel, string topic, ReadOnlySequence<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length > _mqtt.MaxPayloadBytes)
        {
            Reject(topic, FleetRejectReason.Oversized, $"payload is {payload.Length} bytes; the limit is {_mqtt.MaxPayloadBytes}");
            return;
        }

        await _inbox.Writer.WriteAsync((channel, topic, payload.ToArray()), cancellationToken);
    }

    /// <summary>Puts the last-known-good config in force before the host serves, even with no broker in reach.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RestoreLastKnownGoodAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _startup.Loaded.WaitAsync(stoppingToken);
        var telemetry = RunTelemetryAsync(stoppingToken);
        try
        {
            await foreach (var (channel, topic, payload) in _inbox.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await HandleAsync(channel, topic, new ReadOnlySequence<byte>(payload), stoppingToken);
                }
                catch (Exception ex) when (ex is InvalidOperationException or IOException or Microsoft.Data.Sqlite.SqliteException or MQTTnet.Exceptions.MqttCommunicationException)
                {
                    Log.HandlingFailed(_logger, topic, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }

        await telemetry;
    }

    private string Topic(string leaf) => FleetTopics.Device(_agent.Fleet, _agent.DeviceId, leaf);

    private void Reject(string topic, FleetRejectReason reason, string message)
    {
        _counters.Rejected(reason);
        Log.MessageRejected(_logger, topic, reason, message);
    }
}
