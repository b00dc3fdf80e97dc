using System.CommandLine;
using System.Text.Json.Nodes;
using EdgeCloud.Cli.Fleet;

namespace EdgeCloud.Cli.Security;

/// <summary>
/// <c>edgecloud keys create|ls|revoke</c>: the hub's API keys (<c>/admin/v1/keys</c>, role admin). A new key is shown
/// once, or written to a 0600 file; the hub keeps only its hash.
/// </summary>
internal static class KeysCommands
{
    public static Command Create()
    {
        var keys = new Command("keys", "Create, list and revoke the hub's API keys");
        keys.Subcommands.Add(CreateKey());
        keys.Subcommands.Add(List());
        keys.Subcommands.Add(Revoke());
        return keys;
    }

    private static Command CreateKey()
    {
        var name = new Option<string>("--name") { Description = "A name for people (who or what holds the key)", Required = true };
        var roles = new Option<string[]>("--role") { Description = "A role the key grants: infer, device or admin (repeatable)", Required = true };
        var device = new Option<string?>("--device") { Description = "For a key with role device: the one device it speaks for" };
        var expiresIn = new Option<string?>("--expires-in") { Description = $"Lifetime, e.g. {Lifetime.Examples} (default: never expires)" };
        expiresIn.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !Lifetime.TryParse(text, out _))
            {
                result.AddError($"--expires-in '{text}' is not a lifetime such as {Lifetime.Examples}");
            }
        });
        var keyFile = new Option<string?>("--key-file") { Description = "Write the new key to this new file (mode 0600) instead of printing it" };
        var command = new Command("create", "Create an API key; the key itself is shown once") { name, roles, device, expiresIn, keyFile };
        var hub = HubOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (file, failed) = await SecretFile.OpenAsync(parse.GetValue(keyFile), "--key-file", parse.InvocationConfiguration.Error);
            if (failed)
            {
                return ExitCodes.Failed;
            }

            await using (file)
            {
                var body = new JsonObject
                {
                    ["name"] = parse.GetValue(name),
                    ["roles"] = new JsonArray([.. parse.GetValue(roles)!.Select(r => JsonValue.Create(r))]),
                    ["device"] = parse.GetValue(device),
                    ["expiresInSeconds"] = Lifetime.TryParse(parse.GetValue(expiresIn), out var lifetime) ? (long)lifetime.TotalSeconds : null,
                };
                using var client = hub.Connect(parse);
                if (await client.SendJsonAsync(HttpMethod.Post, "keys", body, ct) is not JsonObject created)
                {
                    return ExitCodes.Failed;
                }

                if (created["key"] is not JsonValue keyValue || !keyValue.TryGetValue<string>(out var key) || created["record"] is not JsonObject record)
                {
                    await client.Error.WriteLineAsync($"error: the hub answered without the new key and its record: {created.ToJsonString()}");
                    return ExitCodes.Failed;
                }

                var summary = $"created key {record["id"]} ({record["name"]}; roles {Roles(record)}{DeviceText(record)}; expires {Timestamps.Utc(record["expiresUnixMs"])})";
                var delivered = await SecretFile.DeliverAsync(
                    client.Output, client.Error, summary, "key", key, "send it as 'Authorization: Bearer <key>'", file,
                    $"nobody holds it: revoke it (edgecloud keys revoke {record["id"]})");
                return delivered ? ExitCodes.Ok : ExitCodes.Failed;
            }
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("ls", "List the API keys (never the keys themselves)");
        var hub = HubOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = hub.Connect(parse);
            if (await client.GetAsync("keys", ct) is not JsonArray keys)
            {
                return ExitCodes.Failed;
            }

            await Table.WriteAsync(
                client.Output,
                ["ID", "NAME", "ROLES", "DEVICE", "CREATED", "EXPIRES", "REVOKED"],
                keys.OfType<JsonObject>().Select(k => new[]
                {
                    $"{k["id"]}", $"{k["name"]}", Roles(k), k["device"]?.GetValue<string>() ?? "-",
                    Timestamps.Utc(k["createdUnixMs"]), Timestamps.Utc(k["expiresUnixMs"]), Timestamps.Utc(k["revokedUnixMs"]),
                }));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke()
    {
        var id = new Argument<string>("id") { Description = "The key's id (from keys ls), not the key" };
        var command = new Command("revoke", "Revoke an API key: it stops authenticating at once") { id };
        var hub = HubOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = hub.Connect(parse);
            var keyId = parse.GetValue(id)!;
            if (await client.SendAsync(HttpMethod.Delete, $"keys/{Uri.EscapeDataString(keyId)}", null, ct) is null)
            {
                return ExitCodes.Failed;
            }

            await client.Output.WriteLineAsync($"revoked key {keyId}: it no longer authenticates");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Roles(JsonObject record) => string.Join(",", (record["roles"] as JsonArray ?? []).Select(r => r?.ToString()));

    private static string DeviceText(JsonObject record) => record["device"]?.GetValue<string>() is { } device ? $" for device {device}" : "";
}
