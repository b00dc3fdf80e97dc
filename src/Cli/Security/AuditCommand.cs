using System.CommandLine;
using System.Text.Json.Nodes;
using EdgeCloud.Cli.Fleet;

namespace EdgeCloud.Cli.Security;

/// <summary>
/// <c>edgecloud audit</c>: the hub's hash-chained audit log (<c>GET /admin/v1/audit</c>), newest last, and whether the
/// chain verifies. Exits 1 when it does not, so a scheduled check can alert on it.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var last = new Option<int>("--last") { Description = "Show only the newest N entries (default 50; 0: all)", DefaultValueFactory = _ => 50 };
        last.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError($"--last must be 0 or more, got {result.GetValueOrDefault<int>()}");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print the whole report as JSON (every entry with its hashes)" };
        var command = new Command("audit", "Show the hub's audit log and verify its hash chain") { last, json };
        var hub = HubOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = hub.Connect(parse);
            var answer = await client.GetAsync("audit", ct);
            if (answer is not JsonObject report)
            {
                if (answer is not null)
                {
                    var text = answer.ToJsonString();
                    await client.Error.WriteLineAsync($"error: expected the hub's audit report (an object with verified, brokenAt, entries), got {text[..Math.Min(200, text.Length)]}");
                }

                return ExitCodes.Failed;
            }

            if (parse.GetValue(json))
            {
                await client.WriteJsonAsync(report);
            }
            else
            {
                await AuditReportText.WriteAsync(client.Output, report, parse.GetValue(last));
            }

            if (AuditReportText.Verified(report))
            {
                return ExitCodes.Ok;
            }

            await client.Error.WriteLineAsync($"error: the audit chain does not verify: it breaks at sequence {report["brokenAt"]}; entries from there on may have been altered or removed");
            return ExitCodes.Failed;
        });
        return command;
    }
}
