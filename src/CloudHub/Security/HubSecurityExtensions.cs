using EdgeCloud.Shared.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace EdgeCloud.CloudHub.Security;

/// <summary>Registers hub security (<c>Hub:Security</c>): API keys, JWT, mTLS, roles, rate limits, audit, manifest signing.</summary>
public static class HubSecurityExtensions
{
    public static WebApplicationBuilder AddHubSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HubOptions>, HubSecurityValidator>());
        var security = builder.Configuration.GetSection($"{HubOptions.Section}:Security").Get<HubSecurityOptions>() ?? new HubSecurityOptions();
        if (!security.Enabled || services.Any(static d => d.ServiceType == typeof(SecurityDatabase)))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(static sp => new SecurityDatabase(sp.GetRequiredService<IOptions<HubOptions>>().Value.DataDir));
        services.AddSingleton(static sp => new ApiKeyStore(
            sp.GetRequiredService<SecurityDatabase>(), sp.GetRequiredService<TimeProvider>(), BootstrapKey(sp.GetRequiredService<IOptions<HubOptions>>().Value.Security)));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<IAccessPolicy, HubAccessPolicy>();
        services.AddSingleton(static sp => new CallerRateLimiter(
            sp.GetRequiredService<IOptions<HubOptions>>().Value.Security.RateLimit, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ICallerAuthenticator, ApiKeyAuthenticator>();
        if (security.Jwt.Issuer.Length > 0)
        {
            var jwt = security.Jwt;
            services.AddAuthentication().AddJwtBearer(JwtAuthenticator.Scheme, o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    IssuerSigningKeys = JwtSigningKeys.Load(jwt.SigningKeyPaths),
                    RoleClaimType = jwt.RoleClaim,
                    ClockSkew = jwt.ClockSkew,
                    RequireExpirationTime = true,
                    ValidateIssuerSigningKey = true,
                };
            });
            services.AddSingleton<ICallerAuthenticator>(new JwtAuthenticator(jwt.RoleClaim));
        }

        services.AddSingleton<ICallerAuthenticator, DeviceSecretAuthenticator>();
        if (security.Tls.ClientCaPath.Length > 0)
        {
            services.AddSingleton<ICallerAuthenticator>(static sp => new ClientCertificateAuthenticator(
                HubTls.LoadRoots(sp.GetRequiredService<IOptions<HubOptions>>().Value.Security.Tls.ClientCaPath), sp.GetRequiredService<TimeProvider>()));
        }

        services.AddSingleton<ISecurityObserver, AdminAuditObserver>();
        services.AddSingleton<ISecurityObserver, RefusalLogObserver>();
        services.AddSingleton(static sp =>
        {
            var hub = sp.GetRequiredService<IOptions<HubOptions>>().Value;
            return ModelSigningKey.Load(hub.Security, hub.DataDir);
        });
        return builder;
    }

    /// <summary>Guards every endpoint mapped after routing and maps the key, revocation and audit API. Does nothing when security is off.</summary>
    public static WebApplication UseHubSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<SecurityDatabase>() is null)
        {
            return app;
        }

        var hub = app.Services.GetRequiredService<IOptions<HubOptions>>().Value;
        var methods = new List<string> { "API keys", "device secrets" };
        if (hub.Security.Jwt.Issuer.Length > 0)
        {
            methods.Add($"JWT from {hub.Security.Jwt.Issuer}");
        }

        if (hub.Security.Tls.ClientCaPath.Length > 0)
        {
            methods.Add("client certificates");
        }

        Log.SecurityEnabled(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EdgeCloud.CloudHub.Security"),
            string.Join(", ", methods), hub.Security.RateLimit.PermitsPerSecond, hub.Security.RateLimit.Burst);
        app.UseMiddleware<SecurityMiddleware>();
        app.MapSecurityAdmin();
        return app;
    }

    private static string? BootstrapKey(HubSecurityOptions security) =>
        security.BootstrapAdminKey.Length > 0 ? security.BootstrapAdminKey
        : security.BootstrapAdminKeyFile.Length > 0 ? CredentialFile.Read("Hub:Security:BootstrapAdminKeyFile", security.BootstrapAdminKeyFile)
        : null;
}
