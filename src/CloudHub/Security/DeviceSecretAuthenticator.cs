using System.Net.Http.Headers;
using System.Text;
using EdgeCloud.CloudHub.Fleet;
using EdgeCloud.Shared.Security;

namespace EdgeCloud.CloudHub.Security;

/// <summary>
/// An enrolled device's id and secret in <c>Authorization: Basic</c> (the credential agents already use for
/// model downloads), checked against the fleet's device registry: the caller gets the <c>device</c> role.
/// </summary>
internal sealed class DeviceSecretAuthenticator : ICallerAuthenticator
{
    public ValueTask<AuthenticationOutcome> AuthenticateAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal) || context.RequestServices.GetService<DeviceRegistry>() is not { } registry)
        {
            return ValueTask.FromResult(AuthenticationOutcome.NotPresented);
        }

        var outcome = AuthenticationOutcome.Fail("the device id or secret is not valid (or the device was revoked)");
        if (AuthenticationHeaderValue.TryParse(header, out var value) && value.Parameter is { } parameter)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && registry.Authenticate(pair[..colon], pair[(colon + 1)..]) is { } device)
                {
                    outcome = AuthenticationOutcome.Success(new Caller($"device:{device.Id}", new HashSet<string>(StringComparer.Ordinal) { SecurityRoles.Device }, device.Id));
                }
            }
            catch (FormatException)
            {
                // stays refused
            }
        }

        return ValueTask.FromResult(outcome);
    }
}
