using System.Net;
using System.Net.Sockets;

namespace EdgeCloud.TestUtilities.Tests;

public sealed class FreePortTests
{
    [Fact]
    public void Next_HandsOutDistinctBindablePortsBelowTheEphemeralRange()
    {
        var ports = Enumerable.Range(0, 50).Select(_ => FreePort.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, p => Assert.InRange(p, 20000, 32767));
        using var listener = new TcpListener(IPAddress.Loopback, ports[0]);
        listener.Start();
        Assert.Equal(ports[0], ((IPEndPoint)listener.LocalEndpoint).Port);
    }
}
