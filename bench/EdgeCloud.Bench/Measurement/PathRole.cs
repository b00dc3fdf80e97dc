namespace EdgeCloud.Bench.Measurement;

/// <summary>What a measured path stands for in the comparison.</summary>
internal enum PathRole
{
    /// <summary>In-process ONNX Runtime: the floor every other path is compared with.</summary>
    Baseline,

    /// <summary>The hub's own request handling run in the bench process, without a network hop.</summary>
    InProcessCodec,

    /// <summary>A real inference through the hub over gRPC.</summary>
    HubGrpc,

    /// <summary>A real inference through the hub over REST/JSON.</summary>
    HubRest,

    /// <summary>A real inference through the hub over REST with the binary tensor data extension.</summary>
    HubRestBinary,

    /// <summary>A bare gRPC server around the same model in its own process: what any gRPC server adds, the hub's reference.</summary>
    BareGrpc,

    /// <summary>A request the hub answers without running a model: the transport's own cost.</summary>
    TransportFloor,
}
