using System.Net.Sockets;

namespace EdgeCloud.TestUtilities;

public sealed partial class FaultProxy
{
    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException
                                           || (ex is SocketException && cancellationToken.IsCancellationRequested))
            {
                return;
            }
            catch (SocketException)
            {
                // A client gave up between SYN and accept (e.g. ECONNABORTED): keep serving the others.
                continue;
            }

            Interlocked.Increment(ref _connectionsAccepted);
            Admit(client);
        }
    }

    /// <summary>Starts forwarding a new client, or closes it at once when the mode is Cut or Reset.</summary>
    private void Admit(Socket client)
    {
        client.NoDelay = true;
        FaultProxyConnection? connection = null;
        FaultProxyMode mode;
        lock (_lock)
        {
            // Under the same lock as SetMode: a connection admitted here is seen by the next Cut or Reset.
            mode = Gate.Mode;
            if (!_disposed && mode is not (FaultProxyMode.Cut or FaultProxyMode.Reset))
            {
                connection = new FaultProxyConnection(this, client);
                _connections.Add(connection);
            }
        }

        if (connection is null)
        {
            FaultProxyConnection.Close(client, reset: mode == FaultProxyMode.Reset);
            return;
        }

        connection.Start();
    }
}
