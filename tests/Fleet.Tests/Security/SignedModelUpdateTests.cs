using System.Security.Cryptography;
using System.Text.Json;
using EdgeCloud.CloudHub.Fleet;
using EdgeCloud.Fleet.Tests.Infrastructure;
using EdgeCloud.Shared.Fleet;
using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Security;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCloud.Fleet.Tests.Security;

/// <summary>
/// Signed manifests end to end: a hub with <c>Hub:Security</c> on signs what it publishes, and an agent trusting the
/// hub's <c>model-signing.pub</c> (<c>Agent:Security:ModelTrustKeyPath</c>) installs a validly signed version but
/// refuses a tampered or foreign-signed manifest before staging anything, keeps serving its version and reports why.
/// </summary>
public sealed class SignedModelUpdateTests
{
    private static readonly TimeSpan UpdateTimeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("flipped byte")]
    [InlineData("another key")]
    public async Task SignedUpdate_Accepted_TamperedManifest_RefusedBeforeStaging(string tampering)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fleet = await FleetEnvironment.StartAsync(BrokerKind.Embedded, SecureFleet.Setup([]), ("dev-a", []));
        var signed = await AdminApi.PublishAsync(fleet.Hub.Http, "ocr-cls", "2");
        Assert.StartsWith(ManifestSignature.Scheme, signed.Signature, StringComparison.Ordinal);
        var trustKey = Path.Combine(fleet.Root, "hub-data", "model-signing.pub");
        Assert.True(File.Exists(trustKey), $"the hub did not write its public signing key to {trustKey}");

        var agent = await fleet.StartAgentAsync(
            "dev-a", [], new Dictionary<string, string?> { ["Agent:Security:ModelTrustKeyPath"] = trustKey }, seedRepository: InferRequests.SeedRepository(fleet, "ocr-cls"));
        await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Models.Any(m => m.Name == "ocr-cls" && m.Version == "1") == true, UpdateTimeout);

        await AdminApi.SetDeviceModelAsync(fleet.Hub.Http, "dev-a", "ocr-cls", "2");
        var accepted = await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Models.Any(m => m.Name == "ocr-cls" && (m.Version == "2" || m.Error is not null)) == true, UpdateTimeout);
        Assert.Null(accepted.Reported!.Models.Single(m => m.Name == "ocr-cls").Error);
        Assert.Equal("2", (await agent.Client.ModelInferAsync(InferRequests.OcrCls(1), cancellationToken: ct)).ModelVersion);

        await AdminApi.PublishAsync(fleet.Hub.Http, "ocr-cls", "3");
        TamperStoredManifest(fleet, "ocr-cls", "3", tampering);
        await AdminApi.SetDeviceModelAsync(fleet.Hub.Http, "dev-a", "ocr-cls", "3");
        var refused = await fleet.WaitForDeviceAsync("dev-a", d => d.Reported?.Models.Any(m => m.Name == "ocr-cls" && m.Error is not null) == true, UpdateTimeout);

        var model = refused.Reported!.Models.Single(m => m.Name == "ocr-cls");
        Assert.Equal("2", model.Version);
        Assert.Contains("ocr-cls@3", model.Error, StringComparison.Ordinal);
        Assert.Contains("signature does not match", model.Error, StringComparison.Ordinal);
        var store = agent.Services.GetRequiredService<ModelStore>();
        var staging = Path.Combine(store.Root, ".staging", "ocr-cls", "3");
        Assert.False(Directory.Exists(staging), $"{staging} exists: the refused manifest's files were staged");
        Assert.False(Directory.Exists(Path.Combine(store.Root, "ocr-cls", "3")), "the refused version was installed");
        Assert.Equal("2", (await agent.Client.ModelInferAsync(InferRequests.OcrCls(2), cancellationToken: ct)).ModelVersion);
    }

    /// <summary>Rewrites the hub's stored manifest (hub.db) the way an attacker with write access to it could.</summary>
    internal static void TamperStoredManifest(FleetEnvironment fleet, string name, string version, string tampering)
    {
        var database = fleet.Hub.Services.GetRequiredService<HubDatabase>();
        var manifest = fleet.Hub.Services.GetRequiredService<FleetModelRegistry>().Find(name, version)!;
        ModelManifest tampered;
        if (tampering == "flipped byte")
        {
            // One byte of the signed content changes (a variant id, which the agent's structural checks do not catch); the signature stays.
            var variant = manifest.Variants[0].ToCharArray();
            variant[^1] ^= (char)1;
            tampered = manifest with { Variants = [new string(variant), .. manifest.Variants.Skip(1)] };
        }
        else
        {
            // Another file's sha256 with a consistent digest, signed by a key the device does not trust.
            var files = manifest.Files.Select(f => f.Path == "model.onnx" ? f with { Sha256 = Convert.ToHexStringLower(SHA256.HashData("not the model"u8)) } : f).ToList();
            using var foreign = new ManifestSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
            tampered = foreign.Sign(manifest with { Files = files, Digest = ManifestDigest.Compute(files) });
        }

        Assert.NotEqual(JsonSerializer.Serialize(manifest, FleetJsonContext.Default.ModelManifest), JsonSerializer.Serialize(tampered, FleetJsonContext.Default.ModelManifest));
        database.Write((c, t) =>
        {
            using var command = c.CreateCommand();
            command.Transaction = t;
            command.CommandText = "UPDATE models SET manifest = $m WHERE name = $n AND version = $v";
            command.Parameters.AddWithValue("$m", JsonSerializer.Serialize(tampered, FleetJsonContext.Default.ModelManifest));
            command.Parameters.AddWithValue("$n", name);
            command.Parameters.AddWithValue("$v", version);
            Assert.Equal(1, command.ExecuteNonQuery());
        });
    }
}
