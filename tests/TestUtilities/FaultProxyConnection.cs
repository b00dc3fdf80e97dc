using System.Buffers;
using System.Net.Sockets;

namespace EdgeCloud.TestUtilities;

/// <summary>
/// One accepted client and its upstream socket, with a pump each way. <see cref="Abort"/> may be called
/// from any thread at any time, any number of times; every loop ends on <see cref="Completion"/>.
/// </summary>
internal sealed class FaultProxyConnection
{
    private const int BufferSize = 16 * 1024;

    private readonly FaultProxy _proxy;
    private readonly Socket _client;
    private readonly Socket _upstream = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };

    // Never linked and never timed, so it holds nothing to dispose; leaving it undisposed lets Abort
    // cancel it from any thread without racing a Dispose.
    private readonly CancellationTokenSource _aborted = new();
    private readonly Lock _lock = new();
    private bool _closed;

    public FaultProxyConnection(FaultProxy proxy, Socket client)
    {
        _proxy = proxy;
        _client = client;
    }

    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start() => Completion = RunAsync();

    /// <summary>Closes both sockets: with RST when <paramref name="reset"/>, else with FIN.</summary>
    public void Abort(bool reset)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            Close(_client, reset);
            Close(_upstream, reset);
            _aborted.Cancel();
        }
    }

    /// <summary>Closes a socket, aborting it (linger 0, so the kernel sends RST) when <paramref name="reset"/>.</summary>
    public static void Close(Socket socket, bool reset)
    {
        try
        {
            if (reset)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            else if (socket.Connected)
            {
                socket.Shutdown(SocketShutdown.Both);
            }
        }
        catch (Exception ex) when (IsTransportError(ex))
        {
            // Already closed by the peer or by us: nothing left to say.
        }

        socket.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _aborted.Token;
        try
        {
            await _proxy.Gate.WaitToForwardAsync(token);
            await _upstream.ConnectAsync(_proxy.TargetHost, _proxy.TargetPort, token);
            await Task.WhenAll(
                PumpAsync(_client, _upstream, _proxy.CountToTarget, token),
                PumpAsync(_upstream, _client, _proxy.CountToClient, token));
            Abort(reset: false);
        }
        catch (Exception ex) when (IsTransportError(ex))
        {
            // The target refused, a peer reset, or we were aborted: pass the failure on as a reset.
            Abort(reset: true);
        }
        finally
        {
            _proxy.Remove(this);
        }
    }

    private async Task PumpAsync(Socket from, Socket to, Action<int> count, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer.AsMemory(0, BufferSize), SocketFlags.None, cancellationToken);
                var latency = await _proxy.Gate.WaitToForwardAsync(cancellationToken);
                if (latency > TimeSpan.Zero)
                {
                    await Task.Delay(latency, _proxy.TimeProvider, cancellationToken);
                }

                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                count(read);
                await SendAllAsync(to, buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (Exception ex) when (IsTransportError(ex))
        {
            // One direction failed: take the other one down with it.
            Abort(reset: true);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var sent = await socket.SendAsync(data, SocketFlags.None, cancellationToken);
            data = data[sent..];
        }
    }

    private static bool IsTransportError(Exception ex) =>
        ex is SocketException or IOException or ObjectDisposedException or OperationCanceledException;
}
