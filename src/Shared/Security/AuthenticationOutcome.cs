namespace EdgeCloud.Shared.Security;

/// <summary>What one authenticator made of a request: no credential of its kind, a valid one, or a bad one.</summary>
public readonly record struct AuthenticationOutcome(Caller? Caller, string? Failure)
{
    public static AuthenticationOutcome NotPresented => default;

    public bool IsPresented => Caller is not null || Failure is not null;

    public static AuthenticationOutcome Success(Caller caller) => new(caller, null);

    public static AuthenticationOutcome Fail(string reason) => new(null, reason);
}
