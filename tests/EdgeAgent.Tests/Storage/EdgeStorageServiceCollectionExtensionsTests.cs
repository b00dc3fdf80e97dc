using EdgeCloud.EdgeAgent.Cache;
using EdgeCloud.EdgeAgent.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests.Storage;

public sealed class EdgeStorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AddEdgeStorage_BindsAgentKeys_AndResolvesACacheInTheDataDir()
    {
        await using var provider = Build(new()
        {
            ["Agent:DataDir"] = _dir.Path,
            ["Agent:Cache:MaxBytes"] = "4096",
            ["Agent:Cache:Ttl"] = "00:00:30",
        });

        var options = provider.GetRequiredService<IOptions<ResultCacheOptions>>().Value;
        var cache = provider.GetRequiredService<IResultCache>();

        Assert.Equal(4096, options.MaxBytes);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Ttl);
        Assert.IsType<SqliteResultCache>(cache);
        Assert.Equal(Path.Combine(_dir.Path, "agent.db"), provider.GetRequiredService<EdgeDatabase>().FilePath);
    }

    [Fact]
    public void AddEdgeStorage_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddEdgeStorage();
        var count = services.Count;

        services.AddEdgeStorage();

        Assert.Equal(count, services.Count);
    }

    [Fact]
    public async Task AddEdgeStorage_WithoutDataDir_FailsValidationNamingTheKey()
    {
        await using var provider = Build(new());

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EdgeStorageOptions>>().Value);

        Assert.Contains("Agent:DataDir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEdgeStorage_BadCacheValues_FailValidationListingEach()
    {
        await using var provider = Build(new()
        {
            ["Agent:DataDir"] = _dir.Path,
            ["Agent:Cache:MaxBytes"] = "0",
            ["Agent:Cache:Ttl"] = "00:00:00",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ResultCacheOptions>>().Value);

        Assert.Contains("Agent:Cache:MaxBytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("Agent:Cache:Ttl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_UnwritableDataDir_StopsWithTheStorageError()
    {
        var blocker = Path.Combine(_dir.Path, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder", TestContext.Current.CancellationToken);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Agent:DataDir"] = Path.Combine(blocker, "data") });
        builder.Services.AddEdgeStorage();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<EdgeStorageException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(Path.Combine(blocker, "data"), error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddEdgeStorage();
        return services.BuildServiceProvider();
    }
}
