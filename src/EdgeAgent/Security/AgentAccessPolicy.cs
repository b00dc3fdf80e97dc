using EdgeCloud.Shared.Security;

namespace EdgeCloud.EdgeAgent.Security;

/// <summary>The on-device API off loopback: liveness is anonymous, everything else needs <c>infer</c>.</summary>
internal sealed class AgentAccessPolicy : IAccessPolicy
{
    public string? RequiredRole(string method, string path) =>
        path is "/v2/health/live" or "/inference.GRPCInferenceService/ServerLive" or "/grpc.health.v1.Health/Check" ? null : SecurityRoles.Infer;
}
