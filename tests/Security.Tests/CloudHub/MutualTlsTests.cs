using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Net.Http.Json;
using EdgeCloud.EdgeAgent;
using EdgeCloud.EdgeAgent.Fleet;
using EdgeCloud.EdgeAgent.Messaging;
using EdgeCloud.Events;
using EdgeCloud.Protocol;
using EdgeCloud.Security.Tests.Infrastructure;
using EdgeCloud.Shared.Fleet;
using EdgeCloud.TestUtilities;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeCloud.Security.Tests.CloudHub;

/// <summary>A TLS hub that authenticates clients by certificate: one issued by the configured CA gets its OU roles; any other is refused.</summary>
public sealed class MutualTlsTests : IAsyncLifetime
{
    private readonly List<X509Certificate2> _certificates = [];
    private X509Certificate2 _ca = null!;
    private string _folder = "";
    private SecureHub? _hub;

    private SecureHub Hub => _hub!;

    public async ValueTask InitializeAsync()
    {
        var folder = _folder = Directory.CreateTempSubdirectory("edgecloud-tls-").FullName;
        _ca = Own(CreateCa("EdgeCloud Test CA"));
        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(san.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = Issue(serverRequest);
        await File.WriteAllTextAsync(Path.Combine(folder, "server.crt"), server.ExportCertificatePem(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "server.key"), serverKey.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "ca.crt"), _ca.ExportCertificatePem(), TestContext.Current.CancellationToken);
        _hub = await SecureHub.StartAsync(
            new Dictionary<string, string?>
            {
                ["Hub:Security:Tls:CertificatePath"] = Path.Combine(folder, "server.crt"),
                ["Hub:Security:Tls:KeyPath"] = Path.Combine(folder, "server.key"),
                ["Hub:Security:Tls:ClientCaPath"] = Path.Combine(folder, "ca.crt"),
            },
            scheme: "https");
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        foreach (var certificate in _certificates)
        {
            certificate.Dispose();
        }
    }

    [Fact]
    public async Task ClientCertificate_FromTrustedCa_WithInferRole_IsAllowed()
    {
        var response = await CallAsync(ClientCertificate(_ca, "OU=infer"));

        Assert.Equal(SecureHub.Model, response.Name);
    }

    [Fact]
    public async Task ClientCertificate_FromTrustedCa_WithoutTheRole_IsPermissionDenied()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => CallAsync(ClientCertificate(_ca, "OU=device")));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Fact]
    public async Task ClientCertificate_FromAnotherCa_IsUnauthenticated()
    {
        var stranger = Own(CreateCa("Someone Else CA"));

        var ex = await Assert.ThrowsAsync<RpcException>(() => CallAsync(ClientCertificate(stranger, "OU=infer")));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("not trusted", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoClientCertificate_NoKey_IsUnauthenticated_AndAnApiKeyStillWorksOverTls()
    {
        var (_, key) = await AdminApi.CreateKeyAsync(Hub, SecureHub.BootstrapKey, ["infer"], handler: TrustingHandler(null));

        var ex = await Assert.ThrowsAsync<RpcException>(() => CallAsync(null));
        var response = await CallAsync(null, key);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal(SecureHub.Model, response.Name);
    }

    [Fact]
    public async Task EventIngest_DeviceCertificate_SpeaksForItsCommonNameOnly()
    {
        using var channel = Hub.Channel(TrustingHandler(ClientCertificate(_ca, "OU=device", "cam-cert")));
        var client = new EventIngest.EventIngestClient(channel);

        var own = await client.PublishAsync(Events("cam-cert"), cancellationToken: TestContext.Current.CancellationToken);
        var ex = await Assert.ThrowsAsync<RpcException>(() => client.PublishAsync(Events("cam-other"), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(["e-1"], own.StoredIds);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal("cert:cam-cert speaks for device 'cam-cert'; expected device_id 'cam-cert', got 'cam-other'", ex.Status.Detail);
    }

    [Fact]
    public async Task ModelDownloader_TrustsTheConfiguredCa_AndPresentsTheDeviceCertificate()
    {
        var ct = TestContext.Current.CancellationToken;
        var manifest = await PublishAsync("ocr-cls", "2");
        var certificate = ClientCertificate(_ca, "OU=device", "cam-download");
        var credential = Path.Combine(_folder, "cam-download.pem");
        await File.WriteAllTextAsync(credential, certificate.ExportCertificatePem() + "\n" + certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem(), ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(credential, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var agent = new AgentOptions
        {
            DeviceId = "cam-download",
            Cloud = new CloudLinkOptions { Endpoint = Hub.GrpcAddress, CaCertificatePath = Path.Combine(_folder, "ca.crt"), CredentialFile = credential },
        };
        using var downloader = new ModelDownloader(Options.Create(agent), Options.Create(new AgentMqttOptions()), TimeProvider.System, NullLogger<ModelDownloader>.Instance);
        var file = manifest.Files.Single(f => f.Path == "model.onnx");
        var target = Path.Combine(_folder, "download", "model.onnx");

        await downloader.DownloadAsync(manifest, file, target, ct);

        Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(target, ct))));
    }

    private async Task<ModelManifest> PublishAsync(string model, string version)
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = Hub.Http(SecureHub.BootstrapKey, TrustingHandler(null));
        var source = Path.Combine(TestModels.Repository, model);
        foreach (var (path, file) in new[] { ("config.json", Path.Combine(source, "config.json")), ("model.onnx", TestModels.ModelFile(model)) })
        {
            await using var stream = File.OpenRead(file);
            using var upload = await http.PutAsync($"/admin/v1/models/{model}/versions/{version}/files/{path}", new StreamContent(stream), ct);
            Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync(ct));
        }

        using var publish = await http.PostAsync($"/admin/v1/models/{model}/versions/{version}/publish", content: null, ct);
        Assert.True(publish.IsSuccessStatusCode, await publish.Content.ReadAsStringAsync(ct));
        return (await publish.Content.ReadFromJsonAsync(FleetJsonContext.Default.ModelManifest, ct))!;
    }

    private static PublishRequest Events(string deviceId)
    {
        var request = new PublishRequest { DeviceId = deviceId, Fleet = "default" };
        request.Events.Add(new Event { Id = "e-1", Kind = "event", Type = "test.tick", CreatedUnixMs = 1, Sequence = 1, Payload = Google.Protobuf.ByteString.CopyFromUtf8("{}") });
        return request;
    }

    private async Task<ModelMetadataResponse> CallAsync(X509Certificate2? clientCertificate, string? apiKey = null)
    {
        using var channel = Hub.Channel(TrustingHandler(clientCertificate));
        return await Hub.Client(channel).ModelMetadataAsync(new ModelMetadataRequest { Name = SecureHub.Model }, SecureHub.ApiKey(apiKey));
    }

    private SocketsHttpHandler TrustingHandler(X509Certificate2? clientCertificate)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(_ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return certificate is not null && chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }

        return handler;
    }

    private X509Certificate2 ClientCertificate(X509Certificate2 issuer, string roleOu, string? commonName = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName ?? $"client-{Guid.NewGuid():N}"}, {roleOu}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        var now = TimeProvider.System.GetUtcNow();
        using var issued = request.Create(issuer, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(8));
        return Own(issued.CopyWithPrivateKey(key));
    }

    private X509Certificate2 Issue(CertificateRequest request)
    {
        var now = TimeProvider.System.GetUtcNow();
        return request.Create(_ca, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(8));
    }

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = TimeProvider.System.GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));
    }

    private X509Certificate2 Own(X509Certificate2 certificate)
    {
        _certificates.Add(certificate);
        return certificate;
    }
}
