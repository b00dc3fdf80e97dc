using System.Diagnostics.CodeAnalysis;
using EdgeCloud.Shared.Security;
using Grpc.Core;

namespace EdgeCloud.CloudHub.Events;

/// <summary>
/// With security on, a device publishes only its own events: the request's <c>device_id</c> must be the device its
/// credential speaks for (<see cref="Caller.Device"/>). Anything else is PERMISSION_DENIED, saying which device the
/// credential is bound to and which one the request named. With security off there is no caller and no check.
/// </summary>
internal static class EventIngestAuthorization
{
    public static void Authorize(ServerCallContext context, string deviceId)
    {
        if (context.GetHttpContext().Items[SecurityMiddleware.CallerItem] is not Caller caller)
        {
            return;
        }

        if (caller.Device is null)
        {
            Deny($"{caller.Id} is not bound to a device, so it may not publish events for device '{deviceId}'; " +
                 "use the device's own credential (its enrolment secret, a certificate with its id as common name, or an API key created with \"device\")");
        }

        if (!string.Equals(caller.Device, deviceId, StringComparison.Ordinal))
        {
            Deny($"{caller.Id} speaks for device '{caller.Device}'; expected device_id '{caller.Device}', got '{deviceId}'");
        }
    }

    [DoesNotReturn]
    private static void Deny(string message) => throw new RpcException(new Status(StatusCode.PermissionDenied, message));
}
