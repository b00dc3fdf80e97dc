using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using EdgeCloud.Shared.Fleet;
using Microsoft.Extensions.Options;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>
/// The fleet admin API on the hub's HTTP port, under <c>/admin/v1</c>: devices, desired config, models,
/// commands, rollouts and counters. Every bad request gets a 4xx with an <see cref="AdminError"/> naming the problem.
/// </summary>
internal static partial class FleetAdminEndpoints
{
    public static void MapFleetAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/v1").AddEndpointFilter(RequireToken);
        admin.MapPost("/devices", ProvisionAsync);
        admin.MapPost("/devices/batch", ProvisionBatchAsync);
        admin.MapGet("/devices", (DeviceRegistry registry) =>
            Json<IReadOnlyList<DeviceRecord>>([.. registry.All.OrderBy(d => d.Id, StringComparer.Ordinal)], HubFleetJsonContext.Default.IReadOnlyListDeviceRecord));
        admin.MapGet("/devices/{id}", GetDevice);
        admin.MapGet("/stats", (FleetCounters counters) => Json(counters.Snapshot(), HubFleetJsonContext.Default.FleetStats));

        admin.MapGet("/devices/{id}/desired", (string id, DeviceRegistry registry, DesiredStateService desired) =>
            registry.TryGet(id, out var d) ? DesiredResult(desired.Get(DesiredScope.Device(d.Fleet, id))) : NotFound($"device '{id}' is not registered"));
        admin.MapPut("/devices/{id}/config", (string id, HttpRequest request, DeviceRegistry registry, DesiredStateService desired, CancellationToken ct) =>
            WithDevice(id, registry, d => ConfigAsync(request, DesiredScope.Device(d.Fleet, id), desired, patch: false, ct)));
        admin.MapPatch("/devices/{id}/config", (string id, HttpRequest request, DeviceRegistry registry, DesiredStateService desired, CancellationToken ct) =>
            WithDevice(id, registry, d => ConfigAsync(request, DesiredScope.Device(d.Fleet, id), desired, patch: true, ct)));
        admin.MapPut("/devices/{id}/models/{name}", (string id, string name, HttpRequest request, DeviceRegistry registry, DesiredStateService desired, FleetModelRegistry models, CancellationToken ct) =>
            WithDevice(id, registry, d => SetModelAsync(request, DesiredScope.Device(d.Fleet, id), name, desired, models, ct)));
        admin.MapPost("/devices/{id}/commands", CommandAsync);

        admin.MapGet("/groups/{group}/desired", (string group, string? fleet, DesiredStateService desired, IOptions<FleetHubOptions> options) =>
            DesiredResult(desired.Get(DesiredScope.Group(fleet ?? options.Value.Name, group))));
        admin.MapPut("/groups/{group}/config", (string group, string? fleet, HttpRequest request, DesiredStateService desired, IOptions<FleetHubOptions> options, CancellationToken ct) =>
            ConfigAsync(request, DesiredScope.Group(fleet ?? options.Value.Name, group), desired, patch: false, ct));
        admin.MapPatch("/groups/{group}/config", (string group, string? fleet, HttpRequest request, DesiredStateService desired, IOptions<FleetHubOptions> options, CancellationToken ct) =>
            ConfigAsync(request, DesiredScope.Group(fleet ?? options.Value.Name, group), desired, patch: true, ct));
        admin.MapPut("/groups/{group}/models/{name}", (string group, string name, string? fleet, HttpRequest request, DesiredStateService desired, FleetModelRegistry models, IOptions<FleetHubOptions> options, CancellationToken ct) =>
            SetModelAsync(request, DesiredScope.Group(fleet ?? options.Value.Name, group), name, desired, models, ct));

        admin.MapPut("/models/{name}/versions/{version}/files/{**path}", UploadAsync);
        admin.MapPost("/models/{name}/versions/{version}/publish", (string name, string version, FleetModelRegistry models) =>
            Guard(() => Json(models.Publish(name, version), HubFleetJsonContext.Default.ModelManifest, StatusCodes.Status201Created)));
        admin.MapGet("/models", (FleetModelRegistry models) => Json(models.List(), HubFleetJsonContext.Default.IReadOnlyListModelManifest));
        admin.MapGet("/models/{name}/versions/{version}", (string name, string version, FleetModelRegistry models) =>
            models.Find(name, version) is { } m ? Json(m, HubFleetJsonContext.Default.ModelManifest) : NotFound($"model '{name}' version {version} is not published"));

        admin.MapPost("/rollouts", StartRolloutAsync);
        admin.MapGet("/rollouts", (RolloutManager rollouts) => Json(rollouts.List(), HubFleetJsonContext.Default.IReadOnlyListRolloutStatus));
        admin.MapGet("/rollouts/{id}", (string id, RolloutManager rollouts) =>
            rollouts.Get(id) is { } s ? Json(s, HubFleetJsonContext.Default.RolloutStatus) : NotFound($"no rollout '{id}'"));
        admin.MapPost("/rollouts/{id}/abort", (string id, RolloutManager rollouts) =>
            Guard(() => Json(rollouts.Abort(id), HubFleetJsonContext.Default.RolloutStatus)));
    }

    private static async ValueTask<object?> RequireToken(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var token = context.HttpContext.RequestServices.GetRequiredService<IOptions<FleetHubOptions>>().Value.AdminToken;
        if (token.Length > 0 && context.HttpContext.Request.Headers.Authorization.ToString() != $"Bearer {token}")
        {
            return Error(StatusCodes.Status401Unauthorized, "the admin API needs 'Authorization: Bearer <Hub:Fleet:AdminToken>'");
        }

        return await next(context);
    }

    private static async Task<IResult> ProvisionAsync(HttpRequest request, DeviceRegistry registry, IOptions<FleetHubOptions> options, CancellationToken ct)
    {
        var body = await ReadAsync(request, HubFleetJsonContext.Default.ProvisionRequest, ct);
        return body.Error ?? Guard(() => Json(Provision(body.Value!, registry, options.Value), HubFleetJsonContext.Default.ProvisionResponse, StatusCodes.Status201Created));
    }

    private static async Task<IResult> ProvisionBatchAsync(HttpRequest request, DeviceRegistry registry, IOptions<FleetHubOptions> options, CancellationToken ct)
    {
        var body = await ReadAsync(request, HubFleetJsonContext.Default.IReadOnlyListProvisionRequest, ct);
        return body.Error ?? Guard(() => Json<IReadOnlyList<ProvisionResponse>>(
            [.. body.Value!.Select(r => Provision(r, registry, options.Value))], HubFleetJsonContext.Default.IReadOnlyListProvisionResponse, StatusCodes.Status201Created));
    }

    private static ProvisionResponse Provision(ProvisionRequest request, DeviceRegistry registry, FleetHubOptions options)
    {
        var fleet = request.Fleet ?? options.Name;
        var groups = request.Groups ?? [];
        var secret = registry.Provision(request.Id, fleet, groups, request.Secret);
        return new ProvisionResponse(request.Id, fleet, groups, secret);
    }

    private static IResult GetDevice(string id, DeviceRegistry registry, DesiredStateService desired)
    {
        if (!registry.TryGet(id, out var device))
        {
            return NotFound($"device '{id}' is not registered");
        }

        var groups = device.Groups
            .Select(g => (g, desired.Get(DesiredScope.Group(device.Fleet, g))))
            .Where(p => p.Item2 is not null)
            .ToDictionary(p => p.g, p => p.Item2!, StringComparer.Ordinal);
        return Json(new DeviceDetails(device, desired.Get(DesiredScope.Device(device.Fleet, id)), groups), HubFleetJsonContext.Default.DeviceDetails);
    }

    private static async Task<IResult> ConfigAsync(HttpRequest request, DesiredScope scope, DesiredStateService desired, bool patch, CancellationToken ct)
    {
        if (!FleetTopics.IsValidName(scope.Name))
        {
            return Error(StatusCodes.Status400BadRequest, $"'{scope.Name}' must be 1-64 of [A-Za-z0-9_.-]");
        }

        var body = await ReadAsync(request, HubFleetJsonContext.Default.JsonObject, ct);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var document = patch ? await desired.PatchConfigAsync(scope, body.Value!, ct) : await desired.SetConfigAsync(scope, body.Value!, ct);
        return Json(document, HubFleetJsonContext.Default.DesiredDocument);
    }

    private static async Task<IResult> SetModelAsync(HttpRequest request, DesiredScope scope, string name, DesiredStateService desired, FleetModelRegistry models, CancellationToken ct)
    {
        var body = await ReadAsync(request, HubFleetJsonContext.Default.SetModelRequest, ct);
        if (body.Error is not null)
        {
            return body.Error;
        }

        if (models.Find(name, body.Value!.Version) is not { } manifest)
        {
            return NotFound($"model '{name}' version {body.Value.Version} is not published; publish it first");
        }

        return Json(await desired.SetModelAsync(scope, manifest, ct), HubFleetJsonContext.Default.DesiredDocument);
    }

    private static async Task<IResult> CommandAsync(string id, HttpRequest request, FleetCommandSender sender, CancellationToken ct)
    {
        var body = await ReadAsync(request, HubFleetJsonContext.Default.CommandRequest, ct);
        if (body.Error is not null)
        {
            return body.Error;
        }

        try
        {
            var timeout = body.Value!.Timeout is { } t && t > TimeSpan.Zero && t <= TimeSpan.FromMinutes(10) ? t : TimeSpan.FromSeconds(30);
            var result = await sender.SendAsync(id, body.Value.Name, body.Value.Model, timeout, ct);
            return Json(result, HubFleetJsonContext.Default.FleetCommandResult, result.Ok ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway);
        }
        catch (KeyNotFoundException ex)
        {
            return NotFound(ex.Message);
        }
    }

    private static async Task<IResult> UploadAsync(string name, string version, string path, HttpRequest request, FleetModelRegistry models, CancellationToken ct)
    {
        try
        {
            var file = await models.UploadAsync(name, version, path, request.Body, ct);
            return Json(file, HubFleetJsonContext.Default.ManifestFile, StatusCodes.Status201Created);
        }
        catch (ArgumentException ex)
        {
            return Error(StatusCodes.Status400BadRequest, ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            return Error(StatusCodes.Status409Conflict, ex.Message);
        }
    }

    private static async Task<IResult> StartRolloutAsync(HttpRequest request, RolloutManager rollouts, CancellationToken ct)
    {
        var body = await ReadAsync(request, HubFleetJsonContext.Default.RolloutRequest, ct);
        return body.Error ?? Guard(() => Json(rollouts.Start(body.Value!), HubFleetJsonContext.Default.RolloutStatus, StatusCodes.Status202Accepted));
    }
}
