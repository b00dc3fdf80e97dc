using System.CommandLine;
using System.Text.Json.Nodes;

namespace EdgeCloud.Cli.Fleet;

/// <summary><c>edgecloud models publish|ls</c>: model versions in the hub's fleet model registry.</summary>
internal static class ModelPublishCommands
{
    public static Command Publish()
    {
        var name = new Option<string>("--name") { Description = "The model name, e.g. silero-vad", Required = true };
        var version = new Option<string>("--version") { Description = "The new version, a positive integer such as 2", Required = true };
        var dir = new Option<DirectoryInfo>("--dir")
        {
            Description = "The folder whose files make the version (config.json and the variant files it names), e.g. repo/silero-vad/2",
            Required = true,
        };
        var config = new Option<FileInfo?>("--config") { Description = "The model's config.json when it is not inside --dir (e.g. repo/silero-vad/config.json)" };
        var command = new Command("publish", "Upload a model version to the hub (with a progress bar) and publish its manifest") { name, version, dir, config };
        var hub = HubOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = hub.Connect(parse);
            var (model, number, folder) = (parse.GetValue(name)!, parse.GetValue(version)!, parse.GetValue(dir)!);
            if (!folder.Exists)
            {
                await client.Error.WriteLineAsync($"error: --dir {folder.FullName} does not exist");
                return ExitCodes.Failed;
            }

            var files = folder.EnumerateFiles("*", SearchOption.AllDirectories)
                .Select(f => (Path: Path.GetRelativePath(folder.FullName, f.FullName).Replace('\\', '/'), File: f))
                .ToList();
            if (parse.GetValue(config) is { } extra && files.All(f => f.Path != "config.json"))
            {
                files.Add(("config.json", extra));
            }

            foreach (var (path, file) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                await using var progress = new UploadProgress(file.OpenRead(), path, client.Output);
                var content = new StreamContent(progress);
                content.Headers.ContentLength = file.Length;
                if (await client.SendAsync(HttpMethod.Put, $"models/{model}/versions/{number}/files/{path}", content, ct) is null)
                {
                    return ExitCodes.Failed;
                }
            }

            if (await client.SendAsync(HttpMethod.Post, $"models/{model}/versions/{number}/publish", null, ct) is not { } manifest)
            {
                return ExitCodes.Failed;
            }

            await client.Output.WriteLineAsync($"published {model}@{number} (digest {FleetCommands.Text(manifest["digest"])})");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command List()
    {
        var command = new Command("ls", "List the model versions published at the hub");
        var hub = HubOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = hub.Connect(parse);
            if (await client.GetAsync("models", ct) is not JsonArray models)
            {
                return ExitCodes.Failed;
            }

            var rows = models.OfType<JsonObject>().Select(m => new[]
            {
                FleetCommands.Text(m["name"]),
                FleetCommands.Text(m["version"]),
                FleetCommands.Text(m["placement"]),
                string.Join(",", (m["variants"] as JsonArray ?? []).Select(FleetCommands.Text)),
                ((m["files"] as JsonArray ?? []).OfType<JsonObject>().Sum(f => f["size"]?.GetValue<long>() ?? 0) / 1e6).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MB",
                FleetCommands.Text(m["digest"])[..Math.Min(12, FleetCommands.Text(m["digest"]).Length)],
            });
            await Table.WriteAsync(client.Output, ["NAME", "VERSION", "PLACEMENT", "VARIANTS", "SIZE", "DIGEST"], rows);
            return ExitCodes.Ok;
        });
        return command;
    }
}
