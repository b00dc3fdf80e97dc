namespace EdgeCloud.EdgeAgent.Storage;

/// <summary>How hard a write transaction's commit pushes its data to the disk.</summary>
internal enum WriteDurability
{
    /// <summary>
    /// <c>synchronous=FULL</c>: the WAL is fsynced at commit, so once the commit returns the
    /// transaction survives a power loss. Use for anything acknowledged to someone (outbox, state).
    /// </summary>
    Acknowledged,

    /// <summary>
    /// <c>synchronous=NORMAL</c> for this transaction only: still atomic and corruption-safe, but
    /// the last such commits can be lost on power loss (never on a process crash). Only for data
    /// that can be recomputed, such as cached results. The next <see cref="Acknowledged"/> commit
    /// fsyncs the WAL and with it every earlier frame.
    /// </summary>
    Relaxed,
}
