using System.Security.Cryptography;
using System.Text;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>
/// Per-device secrets. The hub generates 256 random bits per device, so a salted sha256 is enough to
/// store them (stretching guards low-entropy human passwords, and would cost seconds per thousand
/// connects); comparisons are constant-time.
/// </summary>
internal static class DeviceSecrets
{
    public static string Generate() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(16);

    public static byte[] Hash(byte[] salt, string secret)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var buffer = new byte[salt.Length + secretBytes.Length];
        salt.CopyTo(buffer, 0);
        secretBytes.CopyTo(buffer, salt.Length);
        return SHA256.HashData(buffer);
    }

    public static bool Verify(byte[] salt, byte[] expectedHash, string? secret) =>
        !string.IsNullOrEmpty(secret) && CryptographicOperations.FixedTimeEquals(Hash(salt, secret), expectedHash);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
