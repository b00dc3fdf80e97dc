using EdgeCloud.Shared.Security;

namespace EdgeCloud.CloudHub.Security;

/// <summary>
/// The hub's role table. Liveness is anonymous; inference, metadata and readiness need <c>infer</c>;
/// model downloads and event ingest need <c>device</c>; the repository API, the admin API and metrics need
/// <c>admin</c>. Any path not listed needs <c>admin</c>, so a new endpoint is closed until someone opens it.
/// </summary>
internal sealed class HubAccessPolicy : IAccessPolicy
{
    private const string Inference = "/inference.GRPCInferenceService/";

    private static readonly Dictionary<string, string?> Exact = new(StringComparer.Ordinal)
    {
        [Inference + "ServerLive"] = null,
        [Inference + "ServerReady"] = SecurityRoles.Infer,
        [Inference + "ModelReady"] = SecurityRoles.Infer,
        [Inference + "ServerMetadata"] = SecurityRoles.Infer,
        [Inference + "ModelMetadata"] = SecurityRoles.Infer,
        [Inference + "ModelInfer"] = SecurityRoles.Infer,
        [Inference + "ModelStreamInfer"] = SecurityRoles.Infer,
        [Inference + "RepositoryIndex"] = SecurityRoles.Admin,
        [Inference + "RepositoryModelLoad"] = SecurityRoles.Admin,
        [Inference + "RepositoryModelUnload"] = SecurityRoles.Admin,
        ["/edgecloud.fleet.ModelDistribution/DownloadFile"] = SecurityRoles.Device,
        ["/edgecloud.events.EventIngest/Publish"] = SecurityRoles.Device,
        ["/grpc.health.v1.Health/Check"] = null,
        ["/grpc.health.v1.Health/Watch"] = null,
        ["/v2/health/live"] = null,
        ["/v2/health/ready"] = SecurityRoles.Infer,
        ["/v2"] = SecurityRoles.Infer,
    };

    public string? RequiredRole(string method, string path)
    {
        if (Exact.TryGetValue(path, out var role))
        {
            return role;
        }

        return path.StartsWith("/v2/models/", StringComparison.Ordinal) ? SecurityRoles.Infer : SecurityRoles.Admin;
    }
}
