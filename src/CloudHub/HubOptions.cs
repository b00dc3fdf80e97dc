using System.ComponentModel.DataAnnotations;
using EdgeCloud.CloudHub.Security;

namespace EdgeCloud.CloudHub;

/// <summary>The hub's settings, section <c>Hub</c>. Every port is configurable; everything binds to loopback by default.</summary>
public sealed class HubOptions
{
    public const string Section = "Hub";

    /// <summary>gRPC (h2c) port. Default 8001.</summary>
    [Range(0, 65535)]
    public int GrpcPort { get; set; } = 8001;

    /// <summary>HTTP port for REST, health and metrics. Default 8000.</summary>
    [Range(0, 65535)]
    public int HttpPort { get; set; } = 8000;

    /// <summary>The address to listen on. Default 127.0.0.1.</summary>
    [Required]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Allows a non-loopback <see cref="BindAddress"/> without authentication (trusted networks only,
    /// e.g. behind a mesh that authenticates). Default false: such a bind is refused at start.
    /// </summary>
    public bool AllowUnauthenticatedRemote { get; set; }

    /// <summary>The model repository folder. Default <c>models/repo</c>.</summary>
    [Required]
    public string ModelRepository { get; set; } = "models/repo";

    /// <summary>Models to load at start; empty loads every model in the repository.</summary>
    public string[] LoadModels { get; set; } = [];

    /// <summary>
    /// Ready (<c>/v2/health/ready</c>, ServerReady, grpc.health.v1) only when every model the start-up load was asked for
    /// is serving, as Triton's <c>--strict-readiness</c>: a hub whose GPU or model files are missing is not put behind a
    /// load balancer. False: ready once the start-up load has finished, whatever loaded. Default true.
    /// </summary>
    public bool StrictReadiness { get; set; } = true;

    /// <summary>The hub's data folder (registry, audit). Default <c>.data/hub</c>.</summary>
    [Required]
    public string DataDir { get; set; } = ".data/hub";

    /// <summary>The largest request accepted, in bytes, over gRPC and REST. Default 64 MiB.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxRequestBytes { get; set; } = 64 * 1024 * 1024;

    public HubMqttOptions Mqtt { get; set; } = new();

    /// <summary>Section <c>Hub:Security</c>: authentication, roles, TLS, signing, audit. Off by default.</summary>
    public HubSecurityOptions Security { get; set; } = new();
}
