namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>Why the outbox dropped undelivered events (the <c>reason</c> tag of the drop counter).</summary>
public static class DropReasons
{
    /// <summary>Older than <c>Agent:Outbox:MaxAge</c>.</summary>
    public const string Age = "age";

    /// <summary>The oldest events, dropped to make room when the outbox was at <c>Agent:Outbox:MaxBytes</c>.</summary>
    public const string Capacity = "capacity";
}
