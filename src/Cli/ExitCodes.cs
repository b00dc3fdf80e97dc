namespace EdgeCloud.Cli;

/// <summary>Process exit codes shared by all commands.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad input or a model the command cannot handle; the message says which.</summary>
    public const int Failed = 1;

    /// <summary>The converted variant missed its accuracy gate and was not published.</summary>
    public const int GateRejected = 3;
}
