using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>Sends a command to a device on <c>…/cmd</c> and waits, bounded, for its result on <c>…/cmd/result</c>.</summary>
internal sealed class FleetCommandSender(IFleetBroker broker, CommandTracker tracker, DeviceRegistry registry, TimeProvider time)
{
    public async Task<FleetCommandResult> SendAsync(string deviceId, string name, string? model, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!registry.TryGet(deviceId, out var device))
        {
            throw new KeyNotFoundException($"device '{deviceId}' is not registered");
        }

        var id = Guid.NewGuid().ToString("N");
        var result = tracker.Expect(deviceId, id);
        try
        {
            var command = new FleetCommand(FleetSchema.Current, id, name, model);
            await broker.PublishAsync(
                FleetTopics.Device(device.Fleet, deviceId, FleetTopics.Command), FleetPayload.Write(command, FleetJsonContext.Default.FleetCommand), retain: false, cancellationToken);
            return await result.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return new FleetCommandResult(FleetSchema.Current, id, false, $"device '{deviceId}' did not answer '{name}' within {timeout}");
        }
        finally
        {
            tracker.Forget(id);
        }
    }
}
