using EdgeCloud.TestUtilities;

namespace EdgeCloud.EdgeAgent.Tests.Outbox;

/// <summary>Starts real hubs for outbox tests: a temp data folder, a chosen gRPC port, one small model.</summary>
internal static class HubFactory
{
    public static Task<InProcessHub> StartAsync(string repository, string dataDir, int? grpcPort = null, params string[] models)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hub:DataDir"] = dataDir,
            ["Hub:Mqtt:Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (grpcPort is { } port)
        {
            settings["Hub:GrpcPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture); // the later argument wins
        }

        return InProcessHub.StartAsync(repository, models.Length == 0 ? ["silero-vad"] : models, settings);
    }
}
