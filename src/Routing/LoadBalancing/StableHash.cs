namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>
/// A 64-bit string hash that is the same in every process (unlike <see cref="string.GetHashCode()"/>):
/// FNV-1a over the UTF-16 code units, then MurmurHash3's fmix64 finaliser to spread the bits.
/// </summary>
internal static class StableHash
{
    private const ulong FnvOffsetBasis = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    public static ulong Hash(string value)
    {
        var hash = FnvOffsetBasis;
        foreach (var c in value)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccd;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53;
        hash ^= hash >> 33;
        return hash;
    }
}
