using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace EdgeCloud.TestUtilities.Tests;

/// <summary>The proxy carries HTTP/2 with prior knowledge (h2c), the transport gRPC uses here.</summary>
public sealed class FaultProxyHttp2Tests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pass_CarriesH2c_CutFailsRequests_PassRecovers()
    {
        await using var server = await StartH2cServerAsync();
        var target = new Uri(server.Urls.Single());
        await using var proxy = new FaultProxy(target.Host, target.Port);
        using var http = new HttpClient
        {
            BaseAddress = new Uri(proxy.Endpoint),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = ProxyClient.AnswerBound,
        };

        using (var response = await http.GetAsync("/", Token))
        {
            Assert.Equal(HttpVersion.Version20, response.Version);
            Assert.Equal("hello", await response.Content.ReadAsStringAsync(Token));
        }

        proxy.Cut();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/", Token));

        proxy.Pass();
        Assert.Equal("hello", await http.GetStringAsync("/", Token));
        Assert.True(proxy.BytesToTarget > 0 && proxy.BytesToClient > 0);
    }

    private static async Task<WebApplication> StartH2cServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(static kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, static listen => listen.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.MapGet("/", static () => "hello");
        await app.StartAsync(Token);
        return app;
    }
}
