using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.EdgeAgent.Storage;

/// <summary>
/// Where the agent keeps its one SQLite database. Bound from the <c>Agent</c> configuration
/// section (key <c>Agent:DataDir</c>).
/// </summary>
public sealed class EdgeStorageOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string SectionName = "Agent";

    /// <summary>
    /// The agent's data folder (<c>Agent:DataDir</c>); the database is <c>{DataDir}/agent.db</c>.
    /// Required, no default: the agent never falls back to memory or a temporary folder.
    /// A relative path is resolved against the current directory.
    /// </summary>
    [Required(ErrorMessage = "Agent:DataDir is required: set it to a writable folder for the agent's database.")]
    public string DataDir { get; set; } = string.Empty;
}
