using System.Net;
using System.Net.Sockets;

namespace EdgeCloud.Bench.Hosting;

/// <summary>Asks the OS for loopback ports nobody is listening on right now (distinct: all are held until every one is chosen).</summary>
internal static class FreePort
{
    public static int[] Next(int count)
    {
        var listeners = new TcpListener[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                listeners[i] = new TcpListener(IPAddress.Loopback, 0);
                listeners[i].Start();
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener?.Dispose();
            }
        }
    }
}
