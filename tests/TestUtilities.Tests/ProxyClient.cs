using System.Net;
using System.Net.Sockets;

namespace EdgeCloud.TestUtilities.Tests;

/// <summary>A raw TCP client of a <see cref="FaultProxy"/>, with bounded reads for the tests.</summary>
internal sealed class ProxyClient : IDisposable
{
    /// <summary>How long a read may take before a test that expects an answer or a close fails.</summary>
    public static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(10);

    /// <summary>How long a read must stay pending for a test to call the connection stalled.</summary>
    public static readonly TimeSpan StallBound = TimeSpan.FromMilliseconds(250);

    private readonly TcpClient _client;

    private ProxyClient(TcpClient client)
    {
        _client = client;
        Stream = client.GetStream();
    }

    public NetworkStream Stream { get; }

    public static async Task<ProxyClient> ConnectAsync(FaultProxy proxy, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, proxy.Port, cancellationToken);
            return new ProxyClient(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task<byte[]> EchoAsync(byte[] payload, CancellationToken cancellationToken)
    {
        await Stream.WriteAsync(payload, cancellationToken);
        return await ReadAsync(payload.Length, cancellationToken);
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes, failing the test after <see cref="AnswerBound"/>.</summary>
    public async Task<byte[]> ReadAsync(int count, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(AnswerBound);
        var buffer = new byte[count];
        await Stream.ReadExactlyAsync(buffer, bounded.Token);
        return buffer;
    }

    /// <summary>One read, bounded by <paramref name="bound"/>: the byte count, 0 at end of stream.</summary>
    public async Task<int> ReadOnceAsync(TimeSpan bound, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(bound);
        return await Stream.ReadAsync(new byte[1024], bounded.Token);
    }

    public void Dispose() => _client.Dispose();
}
