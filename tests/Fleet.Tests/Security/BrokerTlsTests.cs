using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgeCloud.CloudHub;
using EdgeCloud.CloudHub.Fleet;
using EdgeCloud.EdgeAgent.Messaging;
using EdgeCloud.Fleet.Tests.Infrastructure;
using EdgeCloud.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace EdgeCloud.Fleet.Tests.Security;

/// <summary>
/// MQTT over TLS: the embedded broker's <c>Hub:Mqtt:Tls</c> listener with a certificate from a private CA, an agent
/// connecting with <c>Agent:Mqtt:UseTls</c> and that CA, clients that do not trust the certificate or speak plaintext
/// to the TLS port refused, and plaintext MQTT off loopback refused at start-up unless explicitly allowed.
/// </summary>
public sealed class BrokerTlsTests
{
    [Fact]
    public async Task Agent_OverTlsWithPrivateCa_ComesOnline_UntrustedAndPlaintextClientsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        var pki = await TestPki.CreateAsync();
        var tlsPort = FreePort.Next();
        var setup = new HubSetup([], new Dictionary<string, string?>
        {
            ["Hub:Mqtt:Tls:CertificatePath"] = pki.ServerCertificatePath,
            ["Hub:Mqtt:Tls:KeyPath"] = pki.ServerKeyPath,
            ["Hub:Mqtt:Tls:Port"] = tlsPort.ToString(CultureInfo.InvariantCulture),
        });
        await using var fleet = await FleetEnvironment.StartAsync(BrokerKind.Embedded, setup, ("dev-a", []), ("dev-b", []));
        Assert.Equal(tlsPort, fleet.Hub.Services.GetRequiredService<EmbeddedFleetBroker>().TlsPort);

        await fleet.StartAgentAsync("dev-a", [], new Dictionary<string, string?>
        {
            ["Agent:Mqtt:Host"] = "localhost",
            ["Agent:Mqtt:Port"] = tlsPort.ToString(CultureInfo.InvariantCulture),
            ["Agent:Mqtt:UseTls"] = "true",
            ["Agent:Mqtt:CaCertificatePath"] = pki.CaPath,
        });
        var online = await fleet.WaitForDeviceAsync("dev-a", d => d.Online && d.Reported is not null);
        Assert.True(online.Online);

        // Right secret, but the client trusts only another CA: the handshake fails before the secret is sent.
        var otherCa = (await TestPki.CreateAsync()).CaPath;
        using var untrusted = new MqttClientFactory().CreateMqttClient();
        await Assert.ThrowsAnyAsync<Exception>(() => untrusted.ConnectAsync(TlsOptions("dev-b", fleet.Secrets["dev-b"], tlsPort, otherCa), ct));
        Assert.False(untrusted.IsConnected);

        // Plaintext MQTT to the TLS port is not MQTT to it.
        using var plaintext = new MqttClientFactory().CreateMqttClient();
        await Assert.ThrowsAnyAsync<Exception>(() => plaintext.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", tlsPort).WithClientId("dev-b").WithCredentials("dev-b", fleet.Secrets["dev-b"]).WithTimeout(TimeSpan.FromSeconds(5)).Build(), ct));
        Assert.False(plaintext.IsConnected);

        // The same device through the private CA is accepted: the refusals above were about trust, not the device.
        using var trusted = new MqttClientFactory().CreateMqttClient();
        var result = await trusted.ConnectAsync(TlsOptions("dev-b", fleet.Secrets["dev-b"], tlsPort, pki.CaPath), ct);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        await trusted.DisconnectAsync(cancellationToken: ct);
    }

    [Theory]
    [InlineData("0.0.0.0", false, false, true)]
    [InlineData("0.0.0.0", true, false, false)]
    [InlineData("0.0.0.0", false, true, false)]
    [InlineData("127.0.0.1", false, false, false)]
    public async Task HubValidate_PlaintextBrokerOffLoopback_IsRefusedUnlessTlsOrAllowed(string bind, bool allowPlaintext, bool tls, bool refused)
    {
        var files = tls ? await TestPki.CreateAsync() : null;
        var options = new HubOptions
        {
            BindAddress = bind,
            Mqtt = new HubMqttOptions
            {
                AllowPlaintext = allowPlaintext,
                Tls = new HubMqttTlsOptions { CertificatePath = files?.ServerCertificatePath ?? "", KeyPath = files?.ServerKeyPath ?? "" },
            },
        };

        var result = new FleetBrokerTlsValidator().Validate(null, options);

        Assert.Equal(refused, result.Failed);
        if (refused)
        {
            Assert.Contains("Hub:Mqtt:AllowPlaintext", result.FailureMessage, StringComparison.Ordinal);
            Assert.Contains("Hub:Mqtt:Tls:CertificatePath", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void HubValidate_CertificateWithoutKey_IsRefusedNamingBothKeys()
    {
        var result = new FleetBrokerTlsValidator().Validate(null, new HubOptions { Mqtt = new HubMqttOptions { Tls = new HubMqttTlsOptions { CertificatePath = "/nonexistent/broker.crt" } } });

        Assert.True(result.Failed);
        Assert.Contains("Hub:Mqtt:Tls:CertificatePath and Hub:Mqtt:Tls:KeyPath go together", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.1.2.3", false, false, true)]
    [InlineData("hub.example.test", false, false, true)]
    [InlineData("10.1.2.3", true, false, false)]
    [InlineData("hub.example.test", false, true, false)]
    [InlineData("127.0.0.1", false, false, false)]
    [InlineData("localhost", false, false, false)]
    public void AgentValidate_PlaintextMqttOffLoopback_IsRefusedUnlessTlsOrAllowed(string host, bool allowPlaintext, bool useTls, bool refused)
    {
        var result = new AgentMqttOptionsValidator().Validate(null, new AgentMqttOptions { Host = host, AllowPlaintext = allowPlaintext, UseTls = useTls });

        Assert.Equal(refused, result.Failed);
        if (refused)
        {
            Assert.Contains("Agent:Mqtt:UseTls", result.FailureMessage, StringComparison.Ordinal);
            Assert.Contains("Agent:Mqtt:AllowPlaintext", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("http://10.1.2.3:8001", false, true)]
    [InlineData("http://hub.example.test:8001", false, true)]
    [InlineData("http://hub.example.test:8001", true, false)]
    [InlineData("https://hub.example.test:8001", false, false)]
    [InlineData("http://127.0.0.1:8001", false, false)]
    [InlineData("http://localhost:8001", false, false)]
    [InlineData("", false, false)]
    public void AgentValidate_PlaintextDownloadEndpointOffLoopback_IsRefusedUnlessAllowed(string endpoint, bool allowPlaintext, bool refused)
    {
        var result = new AgentMqttOptionsValidator().Validate(null, new AgentMqttOptions { DownloadEndpoint = endpoint, AllowPlaintext = allowPlaintext });

        Assert.Equal(refused, result.Failed);
        if (refused)
        {
            Assert.Contains($"Agent:Mqtt:DownloadEndpoint: {endpoint} is plaintext", result.FailureMessage, StringComparison.Ordinal);
            Assert.Contains("Agent:Mqtt:AllowPlaintext", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    private static MqttClientOptions TlsOptions(string user, string secret, int port, string caPath)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(caPath);
        return new MqttClientOptionsBuilder()
            .WithTcpServer("localhost", port)
            .WithClientId(user)
            .WithCredentials(user, secret)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .WithTlsOptions(o => o.UseTls().WithTargetHost("localhost").WithCertificateValidationHandler(a => MqttTransport.Trusted(a.Certificate, a.SslPolicyErrors, roots)))
            .Build();
    }

    /// <summary>A private CA and a server certificate for localhost/127.0.0.1 it issued, as PEM files.</summary>
    private sealed record TestPki(string CaPath, string ServerCertificatePath, string ServerKeyPath)
    {
        public static async Task<TestPki> CreateAsync()
        {
            var folder = Directory.CreateTempSubdirectory("edgecloud-mqtt-tls-").FullName;
            var now = TimeProvider.System.GetUtcNow();
            using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var caRequest = new CertificateRequest("CN=EdgeCloud MQTT Test CA", caKey, HashAlgorithmName.SHA256);
            caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));

            using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName("localhost");
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            using var server = request.Create(ca, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(8));

            var pki = new TestPki(Path.Combine(folder, "ca.crt"), Path.Combine(folder, "broker.crt"), Path.Combine(folder, "broker.key"));
            await File.WriteAllTextAsync(pki.CaPath, ca.ExportCertificatePem());
            await File.WriteAllTextAsync(pki.ServerCertificatePath, server.ExportCertificatePem());
            await File.WriteAllTextAsync(pki.ServerKeyPath, serverKey.ExportPkcs8PrivateKeyPem());
            return pki;
        }
    }
}
