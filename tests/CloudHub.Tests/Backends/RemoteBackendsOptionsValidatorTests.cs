using EdgeCloud.CloudHub.Backends;
using EdgeCloud.Routing.LoadBalancing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EdgeCloud.CloudHub.Tests.Backends;

public sealed class RemoteBackendsOptionsValidatorTests
{
    [Fact]
    public void Bind_CommandLineKeys_ReadsEveryModelAndEndpoint()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["Hub:Backends:minilm:Endpoints:0:Address"] = "http://10.0.0.5:8001",
            ["Hub:Backends:minilm:Endpoints:1:Address"] = "http://10.0.0.6:8001",
            ["Hub:Backends:minilm:Endpoints:1:Weight"] = "3",
            ["Hub:Backends:minilm:Policy"] = "LeastOutstanding",
            ["Hub:Backends:minilm:MaxAttempts"] = "3",
            ["Hub:Backends:resnet:Endpoints:0:Address"] = "https://triton:8001",
            ["Hub:Backends:resnet:RemoteName"] = "resnet50_onnx",
        });

        var options = services.GetRequiredService<IOptions<RemoteBackendsOptions>>().Value;

        Assert.Equal(["minilm", "resnet"], options.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["http://10.0.0.5:8001", "http://10.0.0.6:8001"], options["minilm"].Endpoints.Select(e => e.Address));
        Assert.Equal([1, 3], options["minilm"].Endpoints.Select(e => e.Weight));
        Assert.Equal((BackendPolicies.LeastOutstanding, 3), (options["minilm"].Policy, options["minilm"].MaxAttempts));
        Assert.Equal(("resnet50_onnx", BackendPolicies.PowerOfTwoChoices), (options["resnet"].RemoteName, options["resnet"].Policy));
    }

    [Fact]
    public void Validate_EveryMistake_IsNamedByItsKeyInOneMessage()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["Hub:Backends:minilm:Endpoints:0:Address"] = "10.0.0.5:8001",
            ["Hub:Backends:minilm:Endpoints:1:Address"] = "http://a:1",
            ["Hub:Backends:minilm:Endpoints:2:Address"] = "http://a:1",
            ["Hub:Backends:minilm:Endpoints:2:Weight"] = "-1",
            ["Hub:Backends:minilm:Policy"] = "Fastest",
            ["Hub:Backends:minilm:MaxAttempts"] = "0",
            ["Hub:Backends:ocr:Policy"] = "RoundRobin",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RemoteBackendsOptions>>().Value);

        var message = ex.Message;
        Assert.Contains("Hub:Backends:minilm:Endpoints:0:Address is '10.0.0.5:8001'; expected an absolute http:// or https:// address", message, StringComparison.Ordinal);
        Assert.Contains("Hub:Backends:minilm:Endpoints:2:Address 'http://a:1' is listed twice", message, StringComparison.Ordinal);
        Assert.Contains("Hub:Backends:minilm:Endpoints:2:Weight", message, StringComparison.Ordinal);
        Assert.Contains("Hub:Backends:minilm:Policy is 'Fastest'; expected one of ConsistentHashBoundedLoad, EwmaLatency", message, StringComparison.Ordinal);
        Assert.Contains("Hub:Backends:minilm:MaxAttempts", message, StringComparison.Ordinal);
        Assert.Contains("Hub:Backends:ocr:Endpoints is empty", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoBackends_Succeeds()
    {
        using var services = Services([]);

        Assert.Empty(services.GetRequiredService<IOptions<RemoteBackendsOptions>>().Value);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHubBackends();
        return services.BuildServiceProvider();
    }
}
