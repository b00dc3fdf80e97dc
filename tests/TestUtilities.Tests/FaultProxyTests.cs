using System.Net.Sockets;
using System.Text;

namespace EdgeCloud.TestUtilities.Tests;

public sealed class FaultProxyTests
{
    private static readonly byte[] Payload = Encoding.ASCII.GetBytes("hello through the proxy");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pass_EchoesBytes_AndCountsThem()
    {
        await using var echo = new LoopbackEchoServer();
        await using var proxy = new FaultProxy("127.0.0.1", echo.Port);
        using var client = await ProxyClient.ConnectAsync(proxy, Token);

        var answer = await client.EchoAsync(Payload, Token);

        Assert.Equal(Payload, answer);
        Assert.Equal(FaultProxyMode.Pass, proxy.Mode);
        Assert.Equal(1, proxy.ConnectionsAccepted);
        Assert.Equal(Payload.Length, proxy.BytesToTarget);
        Assert.Equal(Payload.Length, proxy.BytesToClient);
        Assert.Equal($"http://127.0.0.1:{proxy.Port}", proxy.Endpoint);
    }

    [Fact]
    public async Task Cut_ClosesCurrentConnection_AndNewOnes()
    {
        await using var echo = new LoopbackEchoServer();
        await using var proxy = new FaultProxy("127.0.0.1", echo.Port);
        using var current = await ProxyClient.ConnectAsync(proxy, Token);
        await current.EchoAsync(Payload, Token);

        proxy.Cut();

        Assert.Equal(0, await current.ReadOnceAsync(ProxyClient.AnswerBound, Token));
        using var next = await ProxyClient.ConnectAsync(proxy, Token);
        Assert.Equal(0, await next.ReadOnceAsync(ProxyClient.AnswerBound, Token));
        Assert.Equal(2, proxy.ConnectionsAccepted);
    }

    [Fact]
    public async Task Blackhole_StallsCurrentConnection_UntilPass()
    {
        await using var echo = new LoopbackEchoServer();
        await using var proxy = new FaultProxy("127.0.0.1", echo.Port);
        using var client = await ProxyClient.ConnectAsync(proxy, Token);
        await client.EchoAsync(Payload, Token);

        proxy.Blackhole();
        await client.Stream.WriteAsync(Payload, Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ReadOnceAsync(ProxyClient.StallBound, Token));
        proxy.Pass();
        Assert.Equal(Payload, await client.ReadAsync(Payload.Length, Token));
    }

    [Fact]
    public async Task Blackhole_HoldsNewConnection_UntilPass()
    {
        await using var echo = new LoopbackEchoServer();
        await using var proxy = new FaultProxy("127.0.0.1", echo.Port);
        proxy.Blackhole();
        using var client = await ProxyClient.ConnectAsync(proxy, Token);
        await client.Stream.WriteAsync(Payload, Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ReadOnceAsync(ProxyClient.StallBound, Token));
        proxy.Pass();
        Assert.Equal(Payload, await client.ReadAsync(Payload.Length, Token));
    }

    [Fact]
    public async Task Reset_AbortsCurrentConnection_WithConnectionReset()
    {
        await using var echo = new LoopbackEchoServer();
        await using var proxy = new FaultProxy("127.0.0.1", echo.Port);
        using var client = await ProxyClient.ConnectAsync(proxy, Token);
        await client.EchoAsync(Payload, Token);

        proxy.Reset();

        await AssertConnectionResetAsync(client);
    }

    [Fact]
    public async Task Reset_ResetsNewConnections()
    {
        await using var echo = new LoopbackEchoServer();
        await using var proxy = new FaultProxy("127.0.0.1", echo.Port);
        proxy.Reset();

        await AssertNewConnectionResetAsync(proxy);
        Assert.Equal(1, proxy.ConnectionsAccepted);
    }

    [Fact]
    public async Task Pass_AfterReset_ServesNewConnections()
    {
        await using var echo = new LoopbackEchoServer();
        await using var proxy = new FaultProxy("127.0.0.1", echo.Port);
        proxy.Reset();
        await AssertNewConnectionResetAsync(proxy);

        proxy.Pass();

        using var client = await ProxyClient.ConnectAsync(proxy, Token);
        Assert.Equal(Payload, await client.EchoAsync(Payload, Token));
    }

    [Fact]
    public async Task Delay_AddsLatencyEachWay()
    {
        var latency = TimeSpan.FromMilliseconds(100);
        await using var echo = new LoopbackEchoServer();
        await using var proxy = new FaultProxy("127.0.0.1", echo.Port);
        using var client = await ProxyClient.ConnectAsync(proxy, Token);
        proxy.Delay(latency);

        var started = TimeProvider.System.GetTimestamp();
        var answer = await client.EchoAsync(Payload, Token);

        Assert.Equal(Payload, answer);
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= 2 * latency * 0.9, "the round trip should pay the latency both ways");
        Assert.Equal(FaultProxyMode.Delay, proxy.Mode);
    }

    [Fact]
    public async Task DisposeAsync_ClosesConnections_AndStopsListening()
    {
        await using var echo = new LoopbackEchoServer();
        var proxy = new FaultProxy("127.0.0.1", echo.Port);
        using var client = await ProxyClient.ConnectAsync(proxy, Token);
        await client.EchoAsync(Payload, Token);

        await proxy.DisposeAsync();
        await proxy.DisposeAsync();

        Assert.Equal(0, await client.ReadOnceAsync(ProxyClient.AnswerBound, Token));
        var refused = await Assert.ThrowsAsync<SocketException>(() => ProxyClient.ConnectAsync(proxy, Token));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        Assert.Throws<ObjectDisposedException>(proxy.Pass);
        Assert.Equal(0, proxy.ActiveConnections);
    }

    [Fact]
    public void Constructor_RejectsBadTarget()
    {
        Assert.Throws<ArgumentException>(() => new FaultProxy(" ", 80));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaultProxy("127.0.0.1", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaultProxy("127.0.0.1", 70000));
    }

    private static Task AssertConnectionResetAsync(ProxyClient client) =>
        AssertResetAsync(() => client.ReadOnceAsync(ProxyClient.AnswerBound, Token));

    /// <summary>The RST may land before connect completes (connect fails) or after (the first read fails).</summary>
    private static Task AssertNewConnectionResetAsync(FaultProxy proxy) =>
        AssertResetAsync(async () =>
        {
            using var client = await ProxyClient.ConnectAsync(proxy, Token);
            await client.ReadOnceAsync(ProxyClient.AnswerBound, Token);
        });

    private static async Task AssertResetAsync(Func<Task> action)
    {
        var error = await Record.ExceptionAsync(action);
        var socketError = error as SocketException ?? error?.InnerException as SocketException;
        Assert.True(error is IOException or SocketException, $"expected a reset, got {error?.GetType().Name ?? "a clean read"}");
        Assert.Equal(SocketError.ConnectionReset, socketError?.SocketErrorCode);
    }
}
