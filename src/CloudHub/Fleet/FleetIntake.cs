using System.Buffers;
using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>
/// Takes in what devices publish: presence, reported state, telemetry, events and command results. The
/// caller has already checked that the sender owns the topic. Each payload is parsed with its bounds;
/// a bad one is refused, logged and counted, and never stops the hub.
/// </summary>
internal sealed class FleetIntake(DeviceRegistry registry, CommandTracker commands, FleetCounters counters, Microsoft.Extensions.Options.IOptions<FleetHubOptions> options, ILogger<FleetIntake> logger)
{
    private readonly int _maxBytes = options.Value.MaxPayloadBytes;

    /// <summary>True for the device leaves the hub consumes.</summary>
    public static bool IsIntakeLeaf(string leaf) =>
        leaf is FleetTopics.State or FleetTopics.Reported or FleetTopics.Telemetry or FleetTopics.Events or FleetTopics.CommandResult;

    /// <summary>Handles one device message; returns the reason when it was refused.</summary>
    public FleetRejectReason? Accept(string deviceId, string leaf, ReadOnlySequence<byte> payload)
    {
        try
        {
            switch (leaf)
            {
                case FleetTopics.State:
                    var state = FleetPayload.Read(payload, FleetJsonContext.Default.StateMessage, _maxBytes);
                    if (!registry.OnState(deviceId, state))
                    {
                        Log.StaleWillIgnored(logger, deviceId, state.BdSeq);
                    }

                    break;
                case FleetTopics.Reported:
                    registry.OnReported(deviceId, FleetPayload.Read(payload, FleetJsonContext.Default.ReportedState, _maxBytes));
                    break;
                case FleetTopics.Telemetry:
                    registry.OnTelemetry(deviceId, FleetPayload.Read(payload, FleetJsonContext.Default.TelemetryMessage, _maxBytes));
                    break;
                case FleetTopics.CommandResult:
                    var result = FleetPayload.Read(payload, FleetJsonContext.Default.FleetCommandResult, _maxBytes);
                    if (string.IsNullOrEmpty(result.Id))
                    {
                        throw new FleetPayloadException(FleetRejectReason.Malformed, "a command result needs the 'id' of the command it answers");
                    }

                    commands.Complete(deviceId, result);
                    break;
                case FleetTopics.Events:
                    FleetPayload.Check(payload, _maxBytes); // a JSON object with a known schema, like every fleet payload
                    break;
                default:
                    return Reject(deviceId, leaf, FleetRejectReason.ForbiddenTopic, $"'{leaf}' is not a topic devices publish to");
            }

            counters.Accepted(leaf);
            return null;
        }
        catch (FleetPayloadException ex)
        {
            return Reject(deviceId, leaf, ex.Reason, ex.Message);
        }
    }

    /// <summary>Logs and counts a refused message.</summary>
    public FleetRejectReason Reject(string sender, string topic, FleetRejectReason reason, string message)
    {
        counters.Rejected(reason);
        Log.MessageRejected(logger, sender, topic, reason, message);
        return reason;
    }
}
