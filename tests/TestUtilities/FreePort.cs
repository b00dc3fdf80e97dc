using System.Net;
using System.Net.Sockets;

namespace EdgeCloud.TestUtilities;

/// <summary>
/// A free loopback port for a test server to listen on. It is picked below Linux's ephemeral range
/// (32768–60999), so no outgoing connection of this or another test process can take it between the
/// check and the server's bind (asking the OS for port 0 returned an ephemeral port, and a client's
/// connection grabbed it now and then: "address already in use"), checked by binding it, and never
/// handed out twice by one process.
/// </summary>
public static class FreePort
{
    private const int First = 20000;
    private const int Last = 32767;
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    public static int Next()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(First, Last + 1);
                if (!HandedOut.Contains(port) && CanBind(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"no free loopback port found between {First} and {Last} after 1000 tries");
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
