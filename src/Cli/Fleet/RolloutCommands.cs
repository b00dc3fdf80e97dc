using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;

namespace EdgeCloud.Cli.Fleet;

/// <summary><c>edgecloud rollout create|status|abort</c>: canary-then-waves rollouts of a model version or a config patch to a group.</summary>
internal static class RolloutCommands
{
    public static Command Create()
    {
        var rollout = new Command("rollout", "Roll a model version or config out to a group: canary first, then waves; abort rolls back");
        rollout.Subcommands.Add(Start());
        rollout.Subcommands.Add(Status());
        rollout.Subcommands.Add(Abort());
        return rollout;
    }

    private static Command Start()
    {
        var group = new Option<string>("--group") { Description = "The target group", Required = true };
        var model = new Option<string?>("--model") { Description = "A published model to roll out (with --version)" };
        var version = new Option<string?>("--version") { Description = "The model version" };
        var set = new Option<string[]>("--set") { Description = "A config key to roll out instead, Section:Key=value (repeatable)", AllowMultipleArgumentsPerToken = true };
        var canary = new Option<int>("--canary") { Description = "Percent of the group in the canary wave (at least one device)", DefaultValueFactory = _ => 10 };
        var waves = new Option<int>("--waves") { Description = "Waves after the canary", DefaultValueFactory = _ => 2 };
        var maxErrorRate = new Option<double>("--max-error-rate") { Description = "Abort when a device's reported error rate exceeds this (0-1)", DefaultValueFactory = _ => 0.05 };
        var timeout = new Option<TimeSpan?>("--wave-timeout") { Description = "Abort when a wave has not succeeded within this, e.g. 00:05:00" };
        var command = new Command("create", "Start a rollout") { group, model, version, set, canary, waves, maxErrorRate, timeout };
        var hub = HubOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = hub.Connect(parse);
            var request = new JsonObject
            {
                ["group"] = parse.GetValue(group),
                ["canaryPercent"] = parse.GetValue(canary),
                ["waves"] = parse.GetValue(waves),
                ["maxErrorRate"] = parse.GetValue(maxErrorRate),
            };
            if (parse.GetValue(model) is { } name)
            {
                (request["model"], request["version"]) = (name, parse.GetValue(version));
            }

            if (parse.GetValue(set) is { Length: > 0 } pairs)
            {
                try
                {
                    request["config"] = ConfigPatch.Parse(pairs);
                }
                catch (FormatException ex)
                {
                    await client.Error.WriteLineAsync($"error: {ex.Message}");
                    return ExitCodes.Failed;
                }
            }

            if (parse.GetValue(timeout) is { } wave)
            {
                request["waveTimeout"] = wave.ToString("c", CultureInfo.InvariantCulture);
            }

            if (await client.SendJsonAsync(HttpMethod.Post, "rollouts", request, ct) is not { } status)
            {
                return ExitCodes.Failed;
            }

            await client.Output.WriteLineAsync($"rollout {FleetCommands.Text(status["id"])} started: {FleetCommands.Text(status["target"])} to group {FleetCommands.Text(status["group"])}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Status()
    {
        var id = new Argument<string?>("id") { Description = "A rollout id; without one, every rollout of this hub run", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("status", "Show rollouts: state, wave, succeeded and failed devices, reason") { id };
        var hub = HubOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = hub.Connect(parse);
            var one = parse.GetValue(id);
            var result = await client.GetAsync(one is null ? "rollouts" : $"rollouts/{Uri.EscapeDataString(one)}", ct);
            if (result is null)
            {
                return ExitCodes.Failed;
            }

            var rows = (result as JsonArray ?? [result.DeepClone()]).OfType<JsonObject>().Select(s => new[]
            {
                FleetCommands.Text(s["id"]),
                FleetCommands.Text(s["group"]),
                FleetCommands.Text(s["target"]),
                FleetCommands.Text(s["state"]),
                $"{FleetCommands.Text(s["wave"])}/{FleetCommands.Text(s["waves"])}",
                (s["succeeded"] as JsonArray)?.Count.ToString(CultureInfo.InvariantCulture) ?? "0",
                string.Join(",", (s["failed"] as JsonArray ?? []).Select(FleetCommands.Text)),
                FleetCommands.Text(s["reason"]),
            });
            await Table.WriteAsync(client.Output, ["ID", "GROUP", "TARGET", "STATE", "WAVE", "OK", "FAILED", "REASON"], rows);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Abort()
    {
        var id = new Argument<string>("id") { Description = "The rollout to abort" };
        var command = new Command("abort", "Abort a running rollout; it rolls back every device it touched") { id };
        var hub = HubOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = hub.Connect(parse);
            if (await client.SendAsync(HttpMethod.Post, $"rollouts/{Uri.EscapeDataString(parse.GetValue(id)!)}/abort", null, ct) is not { } status)
            {
                return ExitCodes.Failed;
            }

            await client.Output.WriteLineAsync($"rollout {FleetCommands.Text(status["id"])}: {FleetCommands.Text(status["state"])} ({FleetCommands.Text(status["reason"])})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
