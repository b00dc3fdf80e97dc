using System.CommandLine;
using System.Text.Json.Nodes;

namespace EdgeCloud.Cli.Fleet;

/// <summary>
/// <c>edgecloud devices enroll|revoke</c>: registers a device at the hub (its secret shown once, or written to a 0600
/// file for the agent's <c>Agent:Mqtt:Password</c>), and revokes one (its secret stops working and its live MQTT session is closed).
/// </summary>
internal static class DevicesCommands
{
    public static Command Create()
    {
        var devices = new Command("devices", "Enroll and revoke devices");
        devices.Subcommands.Add(Enroll());
        devices.Subcommands.Add(Revoke());
        return devices;
    }

    private static Command Enroll()
    {
        var id = new Argument<string>("id") { Description = "The device id (1-64 of [A-Za-z0-9_.-])" };
        var fleet = new Option<string?>("--fleet") { Description = "The fleet (default: the hub's Hub:Fleet:Name)" };
        var groups = new Option<string[]>("--group") { Description = "A group the device belongs to (repeatable)", AllowMultipleArgumentsPerToken = false };
        var secretFile = new Option<string?>("--secret-file") { Description = "Write the generated secret to this new file (mode 0600) instead of printing it" };
        var command = new Command("enroll", "Register a device; the hub generates its secret") { id, fleet, groups, secretFile };
        var hub = HubOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (file, failed) = await SecretFile.OpenAsync(parse.GetValue(secretFile), "--secret-file", parse.InvocationConfiguration.Error);
            if (failed)
            {
                return ExitCodes.Failed;
            }

            await using (file)
            {
                using var client = hub.Connect(parse);
                var body = new JsonObject { ["id"] = parse.GetValue(id), ["fleet"] = parse.GetValue(fleet), ["groups"] = new JsonArray([.. (parse.GetValue(groups) ?? []).Select(g => JsonValue.Create(g))]) };
                if (await client.SendJsonAsync(HttpMethod.Post, "devices", body, ct) is not JsonObject enrolled || enrolled["secret"]?.GetValue<string>() is not { } secret)
                {
                    return ExitCodes.Failed;
                }

                var summary = $"enrolled {enrolled["id"]} (fleet {enrolled["fleet"]}, groups {string.Join(",", (enrolled["groups"] as JsonArray ?? []).Select(g => g?.ToString()))})";
                var delivered = await SecretFile.DeliverAsync(
                    client.Output, client.Error, summary, "secret", secret, "the agent's Agent:Mqtt:Password", file,
                    $"enroll the device again to get a new secret (edgecloud devices enroll {enrolled["id"]})");
                return delivered ? ExitCodes.Ok : ExitCodes.Failed;
            }
        });
        return command;
    }

    private static Command Revoke()
    {
        var id = new Argument<string>("id") { Description = "The device id" };
        var command = new Command("revoke", "Revoke a device: its secret stops working at once and its live MQTT session is closed (needs Hub:Security on)") { id };
        var hub = HubOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = hub.Connect(parse);
            if (await client.SendAsync(HttpMethod.Post, $"devices/{Uri.EscapeDataString(parse.GetValue(id)!)}/revoke", null, ct) is not JsonObject revoked)
            {
                return ExitCodes.Failed;
            }

            var session = revoked["disconnected"]?.GetValue<bool>() == true ? "its live MQTT session was closed" : "it had no live MQTT session";
            await client.Output.WriteLineAsync($"revoked {revoked["id"]}: its secret no longer works; {session}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
