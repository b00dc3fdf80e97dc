using System.CommandLine;
using System.Net.Http.Headers;

namespace EdgeCloud.Cli.Fleet;

/// <summary>
/// <c>--hub</c> and <c>--token</c> of a command that talks to the hub's admin API (<c>/admin/v1</c>); the
/// defaults come from <c>EDGECLOUD_HUB</c> and <c>EDGECLOUD_ADMIN_TOKEN</c>.
/// </summary>
internal sealed class HubOptions
{
    public const string DefaultHub = "http://127.0.0.1:8000";

    private readonly Option<string> _hub = new("--hub")
    {
        Description = $"The hub's HTTP address (default $EDGECLOUD_HUB or {DefaultHub})",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("EDGECLOUD_HUB") is { Length: > 0 } hub ? hub : DefaultHub,
    };

    private readonly Option<string?> _token = new("--token")
    {
        Description = "The admin bearer token (Hub:Fleet:AdminToken or an admin API key; default $EDGECLOUD_ADMIN_TOKEN)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("EDGECLOUD_ADMIN_TOKEN"),
    };

    private HubOptions()
    {
        _hub.Validators.Add(static result =>
        {
            if (!Uri.TryCreate(result.GetValueOrDefault<string>(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                result.AddError($"--hub '{result.GetValueOrDefault<string>()}' is not an http(s) address such as {DefaultHub}");
            }
        });
    }

    /// <summary>Adds <c>--hub</c> and <c>--token</c> to <paramref name="command"/>.</summary>
    public static HubOptions AddTo(Command command)
    {
        var options = new HubOptions();
        command.Options.Add(options._hub);
        command.Options.Add(options._token);
        return options;
    }

    public HubClient Connect(ParseResult parse)
    {
        var http = new HttpClient { BaseAddress = new Uri(parse.GetValue(_hub)!), Timeout = Timeout.InfiniteTimeSpan };
        if (parse.GetValue(_token) is { Length: > 0 } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return new HubClient(http, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
    }
}
