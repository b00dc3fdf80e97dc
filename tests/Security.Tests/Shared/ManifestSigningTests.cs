using System.Security.Cryptography;
using EdgeCloud.Shared.Fleet;
using EdgeCloud.Shared.Security;

namespace EdgeCloud.Security.Tests.Shared;

/// <summary>The hub signs manifests; an agent accepts only an untouched manifest signed by the key it trusts.</summary>
public sealed class ManifestSigningTests
{
    private static readonly ManifestFile[] Files =
    [
        new("config.json", 412, new string('a', 64)),
        new("model.onnx", 1_048_576, new string('b', 64)),
    ];

    private static ModelManifest Manifest() => new("ocr-cls", "2", "both", Files, ["fp32"], ManifestDigest.Compute(Files));

    [Fact]
    public void Verify_SignedByTrustedKey_Accepts()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signer = new ManifestSigner(key);
        using var verifier = Verifier(signer.PublicKeyPem);

        var signed = signer.Sign(Manifest());

        verifier.Verify(signed);
        Assert.StartsWith(ManifestSignature.Scheme, signed.Signature, StringComparison.Ordinal);
    }

    public static TheoryData<string> Tampering() => ["file sha256", "file size", "version", "placement", "variant", "signature byte"];

    [Theory]
    [MemberData(nameof(Tampering))]
    public void Verify_WithOneFlippedByte_Refuses(string where)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signer = new ManifestSigner(key);
        using var verifier = Verifier(signer.PublicKeyPem);
        var signed = signer.Sign(Manifest());

        var tampered = where switch
        {
            "file sha256" => signed with { Files = [Files[0], Files[1] with { Sha256 = "c" + Files[1].Sha256[1..] }] },
            "file size" => signed with { Files = [Files[0], Files[1] with { Size = Files[1].Size + 1 }] },
            "version" => signed with { Version = "3" },
            "placement" => signed with { Placement = "edge" },
            "variant" => signed with { Variants = ["int8"] },
            _ => signed with { Signature = FlipOneByte(signed.Signature!) },
        };

        var ex = Assert.Throws<InvalidDataException>(() => verifier.Verify(tampered));
        Assert.Contains("refused", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_Unsigned_Refuses()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var verifier = Verifier(key.ExportSubjectPublicKeyInfoPem());

        var ex = Assert.Throws<InvalidDataException>(() => verifier.Verify(Manifest()));

        Assert.Contains("unsigned", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignedByAnotherKey_Refuses()
    {
        using var hubKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signer = new ManifestSigner(otherKey);
        using var verifier = Verifier(hubKey.ExportSubjectPublicKeyInfoPem());

        Assert.Throws<InvalidDataException>(() => verifier.Verify(signer.Sign(Manifest())));
    }

    private static ManifestVerifier Verifier(string publicPem)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("edgecloud-trust-").FullName, "hub.pub");
        File.WriteAllText(path, publicPem);
        return ManifestVerifier.FromPemFile(path);
    }

    private static string FlipOneByte(string signature)
    {
        var bytes = Convert.FromBase64String(signature[ManifestSignature.Scheme.Length..]);
        bytes[bytes.Length / 2] ^= 0x01;
        return ManifestSignature.Scheme + Convert.ToBase64String(bytes);
    }
}
