using System.Net;
using EdgeCloud.Shared.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Security;

/// <summary>
/// Registers the agent's security: option rules, API-key auth of the on-device API off loopback (refusals audited),
/// manifest verification, and the agent's own audit trail (<see cref="AgentAuditTrail"/>).
/// </summary>
public static class AgentSecurityExtensions
{
    public static WebApplicationBuilder AddAgentSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentOptions>, AgentSecurityValidator>());
        services.TryAddSingleton<AgentAuditTrail>();
        var options = builder.Configuration.GetSection(AgentOptions.Section).Get<AgentOptions>() ?? new AgentOptions();
        if (options.Cloud.CredentialFile.Length > 0)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CredentialAudit>());
        }

        if (options.Security.ModelTrustKeyPath.Length > 0)
        {
            services.TryAddSingleton(static sp => ManifestVerifier.FromPemFile(sp.GetRequiredService<IOptions<AgentOptions>>().Value.Security.ModelTrustKeyPath));
        }

        if (!RequiresAuthentication(options) || services.Any(static d => d.ServiceType == typeof(AgentAccessPolicy)))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AgentAccessPolicy>();
        services.AddSingleton<IAccessPolicy>(static sp => sp.GetRequiredService<AgentAccessPolicy>());
        services.AddSingleton<ICallerAuthenticator>(static sp => new HashedApiKeyAuthenticator(
            [.. sp.GetRequiredService<IOptions<AgentOptions>>().Value.Security.ApiKeyHashes.Select(Convert.FromHexString)]));
        services.AddSingleton(static sp => new CallerRateLimiter(new RateLimitOptions(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ISecurityObserver, RefusalAuditObserver>();
        return builder;
    }

    /// <summary>Guards the on-device API when it is bound off loopback with keys configured; nothing otherwise.</summary>
    public static WebApplication UseAgentSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<AgentAccessPolicy>() is not null)
        {
            app.UseMiddleware<SecurityMiddleware>();
        }

        return app;
    }

    private static bool RequiresAuthentication(AgentOptions options) =>
        options.Security.ApiKeyHashes.Length > 0 && IPAddress.TryParse(options.BindAddress, out var ip) && !IPAddress.IsLoopback(ip);
}
