using System.Collections.Concurrent;
using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>Matches command results from devices to the commands the hub sent, by id.</summary>
internal sealed class CommandTracker
{
    private readonly ConcurrentDictionary<string, (string DeviceId, TaskCompletionSource<FleetCommandResult> Result)> _pending = new(StringComparer.Ordinal);

    public Task<FleetCommandResult> Expect(string deviceId, string commandId)
    {
        var source = new TaskCompletionSource<FleetCommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[commandId] = (deviceId, source);
        return source.Task;
    }

    public void Forget(string commandId) => _pending.TryRemove(commandId, out _);

    /// <summary>Completes the command a device answered; a result for another device's command is ignored.</summary>
    public void Complete(string deviceId, FleetCommandResult result)
    {
        if (_pending.TryGetValue(result.Id, out var entry) && entry.DeviceId == deviceId && _pending.TryRemove(result.Id, out _))
        {
            entry.Result.TrySetResult(result);
        }
    }
}
