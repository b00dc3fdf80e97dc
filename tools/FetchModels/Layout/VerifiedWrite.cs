namespace EdgeCloud.FetchModels.Layout;

/// <summary>What <see cref="VerifiedFileWriter"/> saw: the content's hash and size, and whether it was laid out.</summary>
internal sealed record VerifiedWrite(bool Written, string ActualSha256, long Length);
