using System.Threading.Channels;
using MQTTnet;

namespace EdgeCloud.CloudHub.Fleet;

internal sealed partial class EmbeddedFleetBroker
{
    // MQTTnet updates its retained store under one lock for the whole broker. Reports taken in on thousands of
    // connections at once (a group's fan-out) queued on that lock and convoyed whenever a holder was preempted, so
    // their retained copies are written by this one loop instead, in arrival order, right after the intake took them.
    private readonly Channel<MqttApplicationMessage> _retained = Channel.CreateUnbounded<MqttApplicationMessage>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private Task _retainedLoop = Task.CompletedTask;

    private void KeepRetained(MqttApplicationMessage message) => _retained.Writer.TryWrite(message);

    private void StartRetainedLoop() => _retainedLoop = Task.Run(WriteRetainedAsync);

    /// <summary>Writes what is queued, then ends the loop (before the broker stops).</summary>
    private async Task StopRetainedLoopAsync()
    {
        _retained.Writer.TryComplete();
        await _retainedLoop;
    }

    private async Task WriteRetainedAsync()
    {
        await foreach (var message in _retained.Reader.ReadAllAsync())
        {
            try
            {
                await _server.UpdateRetainedMessageAsync(message);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
            {
                return; // the broker is stopping
            }
        }
    }
}
