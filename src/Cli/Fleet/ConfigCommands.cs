using System.CommandLine;

namespace EdgeCloud.Cli.Fleet;

/// <summary><c>edgecloud config set (--device ID | --group NAME) Section:Key=value…</c>: change desired config (a merge patch; <c>--replace</c> replaces it).</summary>
internal static class ConfigCommands
{
    public static Command Create()
    {
        var config = new Command("config", "Desired agent configuration of a device or group");
        config.Subcommands.Add(Set());
        return config;
    }

    private static Command Set()
    {
        var device = new Option<string?>("--device") { Description = "The device whose desired config changes" };
        var group = new Option<string?>("--group") { Description = "The group whose desired config changes (device keys win)" };
        var replace = new Option<bool>("--replace") { Description = "Replace the whole config instead of merging into it" };
        var pairs = new Argument<string[]>("settings") { Description = "Section:Key=value, e.g. Routing:ConfidenceThreshold=0.8; Key=null removes a key", Arity = ArgumentArity.OneOrMore };
        var command = new Command("set", "Set desired config keys; the hub publishes the new version and agents apply it hot") { device, group, replace, pairs };
        var hub = HubOptions.AddTo(command);
        command.Validators.Add(result =>
        {
            if ((result.GetValue(device) is null) == (result.GetValue(group) is null))
            {
                result.AddError("give exactly one of --device or --group");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            using var client = hub.Connect(parse);
            System.Text.Json.Nodes.JsonObject patch;
            try
            {
                patch = ConfigPatch.Parse(parse.GetValue(pairs)!);
            }
            catch (FormatException ex)
            {
                await client.Error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.Failed;
            }

            var scope = parse.GetValue(device) is { } id ? $"devices/{Uri.EscapeDataString(id)}" : $"groups/{Uri.EscapeDataString(parse.GetValue(group)!)}";
            var method = parse.GetValue(replace) ? HttpMethod.Put : HttpMethod.Patch;
            if (await client.SendJsonAsync(method, $"{scope}/config", patch, ct) is not { } document)
            {
                return ExitCodes.Failed;
            }

            await client.Output.WriteLineAsync($"{scope}: desired version {FleetCommands.Text(document["version"])}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
