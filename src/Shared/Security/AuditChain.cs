using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EdgeCloud.Shared.Security;

/// <summary>
/// The hash chain of an audit log: each entry's hash is sha256 over the previous entry's hash and the
/// entry's own fields (length-prefixed), so editing, deleting or reordering any row breaks every later link.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(string previousHash, AuditEntry entry)
    {
        var text = new StringBuilder();
        foreach (var field in new[]
        {
            previousHash, entry.Sequence.ToString(CultureInfo.InvariantCulture), entry.UnixMs.ToString(CultureInfo.InvariantCulture),
            entry.Actor, entry.Action, entry.Target, entry.Result,
        })
        {
            text.Append(field.Length).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The sequence of the first entry whose link does not hold, or null when the chain verifies.</summary>
    public static long? FirstBroken(IEnumerable<AuditEntry> entries)
    {
        var previous = Genesis;
        foreach (var entry in entries)
        {
            if (entry.PreviousHash != previous || Hash(previous, entry) != entry.Hash)
            {
                return entry.Sequence;
            }

            previous = entry.Hash;
        }

        return null;
    }
}
