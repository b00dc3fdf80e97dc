using System.Globalization;
using EdgeCloud.Shared.Security;

namespace EdgeCloud.EdgeAgent.Security;

/// <summary>
/// Audits every request the on-device API refuses when it is bound off loopback (401, 403, 429): what was asked,
/// from where, by which key id (never the key). At most <see cref="PerMinute"/> entries a minute (on
/// <see cref="TimeProvider"/>), so a flood of bad calls cannot crowd real events out of the bounded outbox; the
/// next entry after a busy minute says how many refusals it left out.
/// </summary>
internal sealed class RefusalAuditObserver(AgentAuditTrail trail, TimeProvider time) : ISecurityObserver
{
    public const int PerMinute = 20;

    private readonly Lock _lock = new();
    private long _windowStart = long.MinValue;
    private int _inWindow;
    private int _suppressed;

    public void OnCompleted(HttpContext context, string requiredRole, Caller? caller, int status)
    {
        if (status is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests)
            || !TryTake(out var leftOut))
        {
            return;
        }

        var request = context.Request;
        var target = $"{request.Method} {request.Path.Value} from {context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
        var result = string.Create(CultureInfo.InvariantCulture, $"{status} ({(caller is null ? "no valid credential" : caller.Id)}; needs role '{requiredRole}')");
        if (leftOut > 0)
        {
            result += string.Create(CultureInfo.InvariantCulture, $"; {leftOut} earlier refusals were not audited one by one");
        }

        _ = trail.RecordAsync(AgentAuditActions.ApiRefused, target, result, CancellationToken.None); // queued now, committed by the outbox's loop
    }

    private bool TryTake(out int leftOut)
    {
        lock (_lock)
        {
            leftOut = 0;
            var now = time.GetTimestamp();
            if (_windowStart == long.MinValue || time.GetElapsedTime(_windowStart, now) >= TimeSpan.FromMinutes(1))
            {
                (_windowStart, _inWindow, leftOut, _suppressed) = (now, 0, _suppressed, 0);
            }

            if (_inWindow >= PerMinute)
            {
                _suppressed++;
                return false;
            }

            _inWindow++;
            return true;
        }
    }
}
