namespace EdgeCloud.Routing.Health;

/// <summary>How a request to a backend ended, as reported to <see cref="IPassiveHealthPolicy"/>.</summary>
public enum RequestOutcome
{
    /// <summary>The backend answered.</summary>
    Success,

    /// <summary>The backend failed: transport error, timeout, or a server-side error status.</summary>
    Failure,

    /// <summary>The caller gave up first. Never counted, neither as success nor as failure.</summary>
    CallerCanceled,
}
