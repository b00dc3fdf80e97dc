namespace EdgeCloud.FetchModels;

/// <summary>Counts for the closing line; any failure makes the exit code non-zero.</summary>
internal sealed record FetchSummary(int Ok, int Fetched, int Failed, int ConfigsWritten, string ManifestPath)
{
    public bool Succeeded => Failed == 0;
}
