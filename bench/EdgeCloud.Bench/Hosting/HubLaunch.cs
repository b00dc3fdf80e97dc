namespace EdgeCloud.Bench.Hosting;

/// <summary>
/// How to start the hub: its Release dll, the model repository, the models, the ONNX Runtime thread
/// counts, and environment variables set for the hub only (e.g. runtime knobs under test).
/// </summary>
internal sealed record HubLaunch(
    string DotnetHost,
    string HubDll,
    string ModelRepository,
    IReadOnlyList<string> Models,
    int IntraOpThreads,
    int InterOpThreads,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan ReadyTimeout)
{
    public IReadOnlyList<string> Arguments(int grpcPort, int httpPort, int mqttPort, string dataDir)
    {
        var args = new List<string>
        {
            HubDll,
            $"--Hub:GrpcPort={grpcPort}",
            $"--Hub:HttpPort={httpPort}",
            $"--Hub:Mqtt:Port={mqttPort}",
            $"--Hub:DataDir={dataDir}",
            $"--Hub:ModelRepository={ModelRepository}",
            $"--Hub:Inference:IntraOpThreads={IntraOpThreads}",
            $"--Hub:Inference:InterOpThreads={InterOpThreads}",
        };
        for (var i = 0; i < Models.Count; i++)
        {
            args.Add($"--Hub:LoadModels:{i}={Models[i]}");
        }

        return args;
    }
}
