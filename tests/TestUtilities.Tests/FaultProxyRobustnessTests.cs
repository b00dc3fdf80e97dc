using System.Collections.Concurrent;
using System.Text;

namespace EdgeCloud.TestUtilities.Tests;

public sealed class FaultProxyRobustnessTests
{
    private static readonly byte[] Payload = Encoding.ASCII.GetBytes("flip");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ModeFlipsUnderTraffic_LeaveNoUnobservedExceptions()
    {
        var unobserved = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => unobserved.Enqueue(e.Exception);
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            await FlipModesUnderTrafficAsync();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }

        Assert.Empty(unobserved);
    }

    private static async Task FlipModesUnderTrafficAsync()
    {
        await using var echo = new LoopbackEchoServer();
        await using var proxy = new FaultProxy("127.0.0.1", echo.Port);
        for (var i = 0; i < 24; i++)
        {
            using var client = await ProxyClient.ConnectAsync(proxy, Token);
            Assert.Equal(Payload, await client.EchoAsync(Payload, Token));
            Action flip = (i % 4) switch
            {
                0 => proxy.Cut,
                1 => proxy.Reset,
                2 => proxy.Blackhole,
                _ => () => proxy.Delay(TimeSpan.FromMilliseconds(1)),
            };
            flip();
            await TryWriteAsync(client);
            proxy.Pass();
        }

        Assert.Equal(24, proxy.ConnectionsAccepted);
    }

    /// <summary>Writes into whatever state the flip left; a closed or reset connection is expected here.</summary>
    private static async Task TryWriteAsync(ProxyClient client)
    {
        try
        {
            await client.Stream.WriteAsync(Payload, Token);
        }
        catch (IOException)
        {
        }
    }
}
