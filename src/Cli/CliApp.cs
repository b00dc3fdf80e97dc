using System.CommandLine;
using EdgeCloud.Cli.Fleet;
using EdgeCloud.Cli.Models;
using EdgeCloud.Cli.Security;

namespace EdgeCloud.Cli;

/// <summary>The <c>edgecloud</c> command tree: one command group per file (models, fleet, devices, config, rollouts, keys, audit).</summary>
internal static class CliApp
{
    public static RootCommand Create()
    {
        var root = new RootCommand("EdgeCloud operator tool");
        root.Subcommands.Add(ModelsCommands.Create());
        root.Subcommands.Add(FleetCommands.Create());
        root.Subcommands.Add(DevicesCommands.Create());
        root.Subcommands.Add(ConfigCommands.Create());
        root.Subcommands.Add(RolloutCommands.Create());
        root.Subcommands.Add(KeysCommands.Create());
        root.Subcommands.Add(AuditCommand.Create());
        return root;
    }
}
