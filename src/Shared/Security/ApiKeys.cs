using System.Security.Cryptography;
using System.Text;

namespace EdgeCloud.Shared.Security;

/// <summary>
/// API keys: <c>eck_{id}_{secret}</c>, a 12-hex-digit id (public: it names the key in lists and logs) and
/// 256 random bits. Only sha256 of the whole key is stored; with that much entropy no stretching is needed.
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "eck_";
    private const int IdLength = 12;

    /// <summary>A new key and its id.</summary>
    public static (string Id, string Key) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (id, $"{Prefix}{id}_{secret}");
    }

    /// <summary>The id of a well-formed key; false for anything else.</summary>
    public static bool TryGetId(string? key, out string id)
    {
        id = "";
        if (key is null || key.Length < Prefix.Length + IdLength + 2 || key.Length > 256 || !key.StartsWith(Prefix, StringComparison.Ordinal)
            || key[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        id = key.Substring(Prefix.Length, IdLength);
        return id.All(char.IsAsciiHexDigitLower);
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool Matches(byte[] storedHash, string key) => CryptographicOperations.FixedTimeEquals(Hash(key), storedHash);
}
