using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.EdgeAgent;

/// <summary>Section <c>Agent:Cloud</c>: the link to the hub and its resilience settings.</summary>
public sealed class CloudLinkOptions
{
    /// <summary>The hub's gRPC endpoint, e.g. <c>http://127.0.0.1:8001</c>; empty runs the agent edge-only.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The agent's credential for the hub (mode 0600): an API key, or a PEM client certificate with its key. Default empty: none.</summary>
    public string CredentialFile { get; set; } = "";

    /// <summary>The CA (PEM) that issued the hub's TLS certificate, for an https endpoint with a private CA. Default empty: the system store.</summary>
    public string CaCertificatePath { get; set; } = "";

    /// <summary>Allows an http:// endpoint off loopback (trusted networks only). Default false: refused at start.</summary>
    public bool AllowPlaintext { get; set; }

    /// <summary>How long one cloud attempt may take before it is abandoned. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a cloud-routed request for a model that is also on the device waits for the cloud before
    /// the device starts the same request too; the first success answers (a local one is marked degraded
    /// and hedged). Above a healthy cloud's latency (a WAN round trip plus GPU inference, typically
    /// 50–150 ms) and below <see cref="AttemptTimeout"/>. <c>00:00:00</c> turns hedging off: a silent
    /// cloud is then answered locally only after the attempt timeout. Default 200 ms.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan HedgeAfter { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Whether <see cref="HedgeAfter"/> is on.</summary>
    public bool IsHedging => HedgeAfter > TimeSpan.Zero;

    /// <summary>
    /// 0 (the default): hedge after <see cref="HedgeAfter"/>. Above 0, e.g. 0.95: hedge after that quantile of the model's
    /// last 128 successful cloud round trips, between <see cref="HedgeAfterMin"/> and <see cref="HedgeAfter"/> (which
    /// applies until 20 have been seen), so a fast link hedges a stalled call sooner and a slow one is not hedged on
    /// every call.
    /// </summary>
    [Range(0.0, 0.999)]
    public double HedgeQuantile { get; set; }

    /// <summary>With <see cref="HedgeQuantile"/>: the earliest a request is hedged, however fast the cloud has been. Default 20 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan HedgeAfterMin { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Retries on UNAVAILABLE only (never on a timeout). Default 2.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry delay; later ones back off exponentially with jitter. Default 50 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The failure ratio over the sampling window that opens the circuit. Default 0.3.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.3;

    /// <summary>Calls needed in the window before the circuit may open. Default 5.</summary>
    [Range(2, 10_000)]
    public int MinimumThroughput { get; set; } = 5;

    /// <summary>The window the failure ratio is measured over. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before one probe is let through. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(60);
}
