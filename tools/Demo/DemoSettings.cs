namespace EdgeCloud.Demo;

/// <summary>Where the demo finds its programs and models, and where it keeps its data and logs.</summary>
internal sealed record DemoSettings(string HubDll, string AgentDll, string ModelRepository, string WorkDir)
{
    public const int HubGrpcPort = 8001;
    public const int HubHttpPort = 8000;
    public const int AgentGrpcPort = 9001;
    public const int AgentHttpPort = 9000;

    public static DemoSettings Parse(string[] args)
    {
        string Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault()
            ?? throw new ArgumentException($"missing {name} <path>; run scripts/demo.sh");
        return new DemoSettings(Arg("--hub"), Arg("--agent"), Path.GetFullPath(Arg("--models")), Path.GetFullPath(Arg("--work")));
    }

    public IEnumerable<string> HubArgs() =>
    [
        $"--Hub:GrpcPort={HubGrpcPort}", $"--Hub:HttpPort={HubHttpPort}",
        $"--Hub:ModelRepository={ModelRepository}", $"--Hub:DataDir={Path.Combine(WorkDir, "hub")}",
        "--Hub:LoadModels:0=minilm", "--Hub:LoadModels:1=resnet18", "--Hub:LoadModels:2=ocr-cls",
    ];

    // The device prefers the cloud while the link is up, so a link drop shows the fallback;
    // a 3 s break keeps the demo short (the default is 60 s).
    public IEnumerable<string> AgentArgs() =>
    [
        $"--Agent:GrpcPort={AgentGrpcPort}", $"--Agent:HttpPort={AgentHttpPort}",
        $"--Agent:DataDir={Path.Combine(WorkDir, "agent")}", $"--Agent:ModelRepository={ModelRepository}",
        $"--Agent:Cloud:Endpoint=http://127.0.0.1:{HubGrpcPort}",
        "--Agent:Routing:DefaultPreference=Cloud",
        "--Agent:Cloud:AttemptTimeout=00:00:01", "--Agent:Cloud:BreakDuration=00:00:03",
    ];
}
