namespace ModelCatalog.Cli;

/// <summary>The tool's exit codes (documented in the README).</summary>
internal static class ExitCodes
{
    /// <summary>Done; for sync, everything was applied.</summary>
    public const int Ok = 0;

    /// <summary>A failure: nothing was written (bad file, unreadable database, unknown model).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;

    /// <summary>Sync applied, but some entries were rejected (listed in the output).</summary>
    public const int AppliedWithRejections = 3;
}
