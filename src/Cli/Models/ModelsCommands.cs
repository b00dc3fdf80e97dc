using System.CommandLine;

namespace EdgeCloud.Cli.Models;

/// <summary><c>edgecloud models …</c>: work on model files and repositories.</summary>
internal static class ModelsCommands
{
    public static Command Create()
    {
        var models = new Command("models", "Work on model files and model repositories");
        models.Subcommands.Add(QuantizeCommand.Create());
        models.Subcommands.Add(Fleet.ModelPublishCommands.Publish());
        models.Subcommands.Add(Fleet.ModelPublishCommands.List());
        return models;
    }
}
