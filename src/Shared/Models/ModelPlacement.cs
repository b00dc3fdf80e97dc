namespace EdgeCloud.Shared.Models;

/// <summary>Where a model may run.</summary>
public static class ModelPlacement
{
    public const string Edge = "edge";
    public const string Cloud = "cloud";
    public const string Both = "both";

    public static bool IsValid(string placement) => placement is Edge or Cloud or Both;
}
