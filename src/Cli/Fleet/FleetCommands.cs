using System.CommandLine;
using System.Text.Json.Nodes;

namespace EdgeCloud.Cli.Fleet;

/// <summary><c>edgecloud fleet ls|show</c>: the hub's registered devices.</summary>
internal static class FleetCommands
{
    public static Command Create()
    {
        var fleet = new Command("fleet", "Devices registered at the hub");
        fleet.Subcommands.Add(List());
        fleet.Subcommands.Add(Show());
        return fleet;
    }

    private static Command List()
    {
        var command = new Command("ls", "List devices: presence, groups, applied desired versions, models");
        var hub = HubOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = hub.Connect(parse);
            if (await client.GetAsync("devices", ct) is not JsonArray devices)
            {
                return ExitCodes.Failed;
            }

            var rows = devices.OfType<JsonObject>().Select(d => new[]
            {
                Text(d["id"]),
                d["online"]?.GetValue<bool>() == true ? "online" : "offline",
                Text(d["bdSeq"]),
                string.Join(",", (d["groups"] as JsonArray ?? []).Select(Text)),
                string.Join(",", (d["reported"]?["applied"] as JsonObject ?? []).Select(kv => $"{kv.Key}={Text(kv.Value)}")),
                string.Join(",", (d["reported"]?["models"] as JsonArray ?? []).OfType<JsonObject>()
                    .Select(m => $"{Text(m["name"])}@{Text(m["version"])}{(m["error"] is null ? "" : "!")}")),
            });
            await Table.WriteAsync(client.Output, ["ID", "STATE", "BDSEQ", "GROUPS", "APPLIED", "MODELS"], rows);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "The device id" };
        var command = new Command("show", "Show one device: its record, last report and telemetry, and the desired documents that apply to it") { id };
        var hub = HubOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = hub.Connect(parse);
            if (await client.GetAsync($"devices/{Uri.EscapeDataString(parse.GetValue(id)!)}", ct) is not { } device)
            {
                return ExitCodes.Failed;
            }

            await client.WriteJsonAsync(device);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
