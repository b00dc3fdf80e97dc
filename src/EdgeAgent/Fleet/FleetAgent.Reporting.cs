using System.Buffers;
using EdgeCloud.EdgeAgent.Messaging;
using EdgeCloud.Shared.Fleet;
using EdgeCloud.Shared.Inference;

namespace EdgeCloud.EdgeAgent.Fleet;

internal sealed partial class FleetAgent
{
    /// <summary>The reported state as it stands (what the next report publishes).</summary>
    public ReportedState Snapshot()
    {
        var models = _store.Loaded
            .Select(m => new ReportedModel(m.Info.Name, m.Info.Version, m.Info.Variant, m.Info.ExecutionProvider, _modelErrors.GetValueOrDefault(m.Info.Name)))
            .Concat(_modelErrors.Where(e => !_store.TryGet(e.Key, out _)).Select(e => new ReportedModel(e.Key, "", "", "", e.Value)))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
        return new ReportedState(
            FleetSchema.Current,
            _applied.ToDictionary(kv => kv.Key, kv => kv.Value.Version, StringComparer.Ordinal),
            models,
            [.. _rejected],
            _restartRequired,
            _time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    private async Task ReportAsync(CancellationToken cancellationToken)
    {
        if (_channel is not { IsConnected: true } channel)
        {
            return; // reported on the next connection
        }

        await channel.PublishAsync(Topic(FleetTopics.Reported), FleetPayload.Write(Snapshot(), FleetJsonContext.Default.ReportedState), retain: true, atMostOnce: false, cancellationToken);
    }

    private async Task HandleCommandAsync(IFleetChannel channel, ReadOnlySequence<byte> payload, CancellationToken cancellationToken)
    {
        FleetCommand command;
        try
        {
            command = FleetPayload.Read(payload, FleetJsonContext.Default.FleetCommand, _mqtt.MaxPayloadBytes);
        }
        catch (FleetPayloadException ex)
        {
            Reject(Topic(FleetTopics.Command), ex.Reason, ex.Message);
            return;
        }

        FleetCommandResult result;
        try
        {
            result = command.Name switch
            {
                FleetCommands.Rollback when !string.IsNullOrEmpty(command.Model) =>
                    new(FleetSchema.Current, command.Id, true, $"model '{command.Model}' now serves version {await _updater.RollbackAsync(command.Model, cancellationToken)}"),
                FleetCommands.Rollback => new(FleetSchema.Current, command.Id, false, "rollback needs the model to roll back"),
                FleetCommands.Report => new(FleetSchema.Current, command.Id, true, "reported"),
                _ => new(FleetSchema.Current, command.Id, false, $"unknown command '{command.Name}'; known: {FleetCommands.Rollback}, {FleetCommands.Report}"),
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or InferenceException or IOException)
        {
            result = new(FleetSchema.Current, command.Id, false, ex.Message);
        }

        Log.CommandHandled(_logger, command.Name, command.Id, result.Ok, result.Message);
        await channel.PublishAsync(Topic(FleetTopics.CommandResult), FleetPayload.Write(result, FleetJsonContext.Default.FleetCommandResult), retain: false, atMostOnce: false, cancellationToken);
        await ReportAsync(cancellationToken);
    }

    private async Task RunTelemetryAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_mqtt.TelemetryInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var (requests, errors, p50) = _telemetry.Drain();
                if (_channel is not { IsConnected: true } channel)
                {
                    continue;
                }

                var message = new TelemetryMessage(
                    FleetSchema.Current, _time.GetUtcNow().ToUnixTimeMilliseconds(), requests, errors, requests == 0 ? 0 : (double)errors / requests, p50,
                    Environment.WorkingSet);
                try
                {
                    await channel.PublishAsync(Topic(FleetTopics.Telemetry), FleetPayload.Write(message, FleetJsonContext.Default.TelemetryMessage), retain: false, atMostOnce: true, stoppingToken);
                }
                catch (Exception ex) when (ex is InvalidOperationException or MQTTnet.Exceptions.MqttCommunicationException)
                {
                    Log.TelemetryFailed(_logger, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
