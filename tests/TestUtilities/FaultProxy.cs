using System.Net;
using System.Net.Sockets;

namespace EdgeCloud.TestUtilities;

/// <summary>
/// A TCP proxy for tests that injects network faults. It listens on 127.0.0.1 (a free port) and forwards
/// each connection to the target, byte for byte, so it carries any protocol, HTTP/2 h2c gRPC included.
/// Switch the fault at run time with <see cref="Pass"/>, <see cref="Cut"/>, <see cref="Blackhole"/>,
/// <see cref="Delay"/> and <see cref="Reset"/>.
/// </summary>
public sealed partial class FaultProxy : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly HashSet<FaultProxyConnection> _connections = [];
    private readonly Task _acceptLoop;
    private long _connectionsAccepted;
    private long _bytesToTarget;
    private long _bytesToClient;
    private bool _disposed;

    /// <summary>Starts listening at once; connections are forwarded to <paramref name="targetHost"/>:<paramref name="targetPort"/>.</summary>
    /// <param name="targetHost">Host name or address of the real server.</param>
    /// <param name="targetPort">Port of the real server.</param>
    /// <param name="timeProvider">Clock for <see cref="Delay"/>; defaults to <see cref="TimeProvider.System"/>.</param>
    public FaultProxy(string targetHost, int targetPort, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetHost);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetPort, IPEndPoint.MaxPort);

        TargetHost = targetHost;
        TargetPort = targetPort;
        TimeProvider = timeProvider ?? TimeProvider.System;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen(backlog: 128);
        }
        catch
        {
            _listener.Dispose();
            _stopping.Dispose();
            throw;
        }

        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _acceptLoop = AcceptLoopAsync(_stopping.Token);
    }

    /// <summary>The port the proxy listens on (on 127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>The proxy as an h2c/HTTP endpoint, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}";

    public string TargetHost { get; }

    public int TargetPort { get; }

    public FaultProxyMode Mode => Gate.Mode;

    /// <summary>Connections accepted so far, including those cut or reset on arrival.</summary>
    public long ConnectionsAccepted => Interlocked.Read(ref _connectionsAccepted);

    /// <summary>Bytes read from clients and handed on to the target (counted before the send).</summary>
    public long BytesToTarget => Interlocked.Read(ref _bytesToTarget);

    /// <summary>Bytes read from the target and handed on to clients (counted before the send).</summary>
    public long BytesToClient => Interlocked.Read(ref _bytesToClient);

    /// <summary>Connections currently open through the proxy.</summary>
    public int ActiveConnections
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count;
            }
        }
    }

    internal FaultProxyGate Gate { get; } = new();

    internal TimeProvider TimeProvider { get; }

    /// <summary>Forward normally; connections held by <see cref="Blackhole"/> resume.</summary>
    public void Pass() => SetMode(FaultProxyMode.Pass, TimeSpan.Zero);

    /// <summary>Close every current connection (FIN) and close new ones as soon as they are accepted.</summary>
    public void Cut() => SetMode(FaultProxyMode.Cut, TimeSpan.Zero);

    /// <summary>Accept and hold connections, forwarding nothing either way; existing connections stall too.</summary>
    public void Blackhole() => SetMode(FaultProxyMode.Blackhole, TimeSpan.Zero);

    /// <summary>Forward, adding <paramref name="latency"/> before each chunk in each direction.</summary>
    public void Delay(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        SetMode(FaultProxyMode.Delay, latency);
    }

    /// <summary>Abort every current connection with RST; new ones are reset as soon as they are accepted.</summary>
    public void Reset() => SetMode(FaultProxyMode.Reset, TimeSpan.Zero);

    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        await _stopping.CancelAsync();
        _listener.Dispose();
        await _acceptLoop;

        FaultProxyConnection[] remaining;
        lock (_lock)
        {
            remaining = [.. _connections];
        }

        foreach (var connection in remaining)
        {
            connection.Abort(reset: false);
        }

        await Task.WhenAll(remaining.Select(static c => c.Completion));
        _stopping.Dispose();
    }

    internal void CountToTarget(int bytes) => Interlocked.Add(ref _bytesToTarget, bytes);

    internal void CountToClient(int bytes) => Interlocked.Add(ref _bytesToClient, bytes);

    internal void Remove(FaultProxyConnection connection)
    {
        lock (_lock)
        {
            _connections.Remove(connection);
        }
    }

    private void SetMode(FaultProxyMode mode, TimeSpan latency)
    {
        FaultProxyConnection[] dropped = [];
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Gate.Set(mode, latency);
            if (mode is FaultProxyMode.Cut or FaultProxyMode.Reset)
            {
                dropped = [.. _connections];
            }
        }

        foreach (var connection in dropped)
        {
            connection.Abort(reset: mode == FaultProxyMode.Reset);
        }
    }
}
