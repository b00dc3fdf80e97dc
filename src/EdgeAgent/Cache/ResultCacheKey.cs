using System.Buffers;
using EdgeCloud.Protocol;

namespace EdgeCloud.EdgeAgent.Cache;

/// <summary>
/// Identifies a cached result: model, resolved version, variant, and a SHA-256 digest (lowercase
/// hex) of everything in the request that can change the response.
/// </summary>
public readonly record struct ResultCacheKey
{
    private static readonly SearchValues<char> LowercaseHex = SearchValues.Create("0123456789abcdef");

    /// <summary>Creates a key from its parts; <paramref name="inputDigest"/> is 64 lowercase hex characters.</summary>
    public ResultCacheKey(string model, string version, string variant, string inputDigest)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentException.ThrowIfNullOrEmpty(version);
        ArgumentException.ThrowIfNullOrEmpty(variant);
        ArgumentNullException.ThrowIfNull(inputDigest);
        if (inputDigest.Length != 64 || inputDigest.AsSpan().ContainsAnyExcept(LowercaseHex))
        {
            throw new ArgumentException($"Expected a SHA-256 digest as 64 lowercase hex characters, got '{inputDigest}'.", nameof(inputDigest));
        }

        Model = model;
        Version = version;
        Variant = variant;
        InputDigest = inputDigest;
    }

    public string Model { get; }

    public string Version { get; }

    public string Variant { get; }

    public string InputDigest { get; }

    /// <summary>
    /// The key for <paramref name="request"/> as served by <paramref name="resolvedVersion"/> and
    /// <paramref name="variant"/>. The digest covers inputs (names, datatypes, shapes, parameters,
    /// typed and raw contents) and requested outputs in a canonical order, and every request
    /// parameter except <c>edgecloud.*</c>; not the request id, so a repeated request with a new id hits.
    /// </summary>
    public static ResultCacheKey From(ModelInferRequest request, string resolvedVersion, string variant)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResultCacheKey(request.ModelName, resolvedVersion, variant, RequestDigest.Compute(request));
    }

    public override string ToString() => $"{Model}/{Version}/{Variant}/{InputDigest}";
}
