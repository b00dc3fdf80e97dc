using System.Globalization;

namespace EdgeCloud.Bench.FleetFanout;

/// <summary>
/// <c>fleet-swarm</c> (hidden; started by <see cref="SwarmProcess"/>): the simulated agents in a process of their own, so
/// neither it nor the hub's process holds both ends of 10,000 sockets. Arguments: <c>port fleet group connect-batch</c>;
/// stdin: one <c>id secret</c> line per device, then an empty line; then the requests of <see cref="SwarmProtocol"/>.
/// </summary>
internal static class FleetSwarmCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (args is not [var port, var fleetName, var group, var batch])
        {
            Console.Error.WriteLine("usage: fleet-swarm <mqtt port> <fleet> <group> <connect batch>, devices on stdin (started by fleet-fanout)");
            return 2;
        }

        var devices = new List<(string Id, string Secret)>();
        while (await Console.In.ReadLineAsync() is { Length: > 0 } line)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            devices.Add((line[..space], line[(space + 1)..]));
        }

        var fleet = new FanoutFleet(fleetName, group, devices);
        await using var swarm = new AgentSwarm();
        await swarm.ConnectAsync(fleet, int.Parse(port, CultureInfo.InvariantCulture), int.Parse(batch, CultureInfo.InvariantCulture), CancellationToken.None);
        Console.Out.WriteLine(SwarmProtocol.Connected(swarm.Connected, swarm.ConnectTime));
        while (await Console.In.ReadLineAsync() is { } request && request != SwarmProtocol.Quit)
        {
            Console.Out.WriteLine(request == SwarmProtocol.CountersRequest
                ? SwarmProtocol.Counters(new(swarm.Counters.Desired, swarm.Counters.PublishFailures, swarm.Counters.LastDesiredAt))
                : $"unknown request '{request}'");
        }

        return 0;
    }
}
