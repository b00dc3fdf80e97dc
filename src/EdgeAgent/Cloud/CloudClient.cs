using EdgeCloud.Protocol;
using EdgeCloud.Routing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace EdgeCloud.EdgeAgent.Cloud;

/// <summary>
/// The agent's one link to the hub: a reused gRPC channel behind a Polly pipeline (retry on
/// UNAVAILABLE only, then a circuit breaker). Each attempt has its own timeout, so a blackholed
/// link costs at most one attempt timeout before the caller can fall back.
/// </summary>
internal sealed class CloudClient : IDisposable
{
    private readonly GrpcChannel? _channel;
    private readonly GRPCInferenceService.GRPCInferenceServiceClient? _client;
    private readonly ResiliencePipeline _pipeline;
    private readonly CloudLinkOptions _options;
    private readonly ILogger<CloudClient> _logger;

    public CloudClient(IOptions<AgentOptions> options, TimeProvider timeProvider, IRandomSource random, ILogger<CloudClient> logger)
    {
        _options = options.Value.Cloud;
        _logger = logger;
        var stateProvider = new CircuitBreakerStateProvider();
        Link = new CloudLinkState(stateProvider, timeProvider, _options.BreakDuration);
        _pipeline = BuildPipeline(stateProvider, timeProvider, random);
        if (_options.Endpoint.Length > 0)
        {
            _channel = GrpcChannel.ForAddress(_options.Endpoint, new GrpcChannelOptions
            {
                MaxReceiveMessageSize = null,
                MaxSendMessageSize = null,
                HttpHandler = Security.CloudCredentials.Wrap(new SocketsHttpHandler
                {
                    ConnectTimeout = _options.AttemptTimeout,
                    KeepAlivePingDelay = TimeSpan.FromSeconds(15),
                    KeepAlivePingTimeout = TimeSpan.FromSeconds(Math.Max(1, _options.AttemptTimeout.TotalSeconds)),
                    PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                    EnableMultipleHttp2Connections = true,
                }, _options),
            });
            _client = new GRPCInferenceService.GRPCInferenceServiceClient(_channel);
            Link.Channel = _channel;
        }
    }

    public bool IsConfigured => _client is not null;

    public CloudLinkState Link { get; }

    public string Endpoint => _options.Endpoint;

    /// <summary>Runs <paramref name="request"/> in the cloud within <paramref name="budget"/> per attempt (the attempt timeout at most).</summary>
    public async ValueTask<ModelInferResponse> InferAsync(ModelInferRequest request, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var client = _client ?? throw new InvalidOperationException("no cloud endpoint is configured (Agent:Cloud:Endpoint)");
        var timeout = budget is { } b && b < _options.AttemptTimeout ? b : _options.AttemptTimeout;
        return await _pipeline.ExecuteAsync(
            static async (state, ct) => await state.Self.AttemptAsync(state.Client, state.Request, state.Timeout, ct),
            (Self: this, Client: client, Request: request, Timeout: timeout),
            cancellationToken);
    }

    /// <summary>Asks the hub for a model's metadata (one attempt, outside the circuit).</summary>
    public async ValueTask<ModelMetadataResponse> MetadataAsync(string name, string? version, CancellationToken cancellationToken)
    {
        var client = _client ?? throw new InvalidOperationException("no cloud endpoint is configured (Agent:Cloud:Endpoint)");
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_options.AttemptTimeout);
        return await client.ModelMetadataAsync(new ModelMetadataRequest { Name = name, Version = version ?? "" }, cancellationToken: attempt.Token);
    }

    public void Dispose() => _channel?.Dispose();

    private async Task<ModelInferResponse> AttemptAsync(
        GRPCInferenceService.GRPCInferenceServiceClient client, ModelInferRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The attempt timeout is wall-clock network time, so it runs on the system timer on purpose;
        // the breaker, retries and estimates use the injected TimeProvider.
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            return await client.ModelInferAsync(request, cancellationToken: attempt.Token);
        }
        catch (Exception ex) when (ex is RpcException { StatusCode: StatusCode.Cancelled } or OperationCanceledException
                                   && !cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"the cloud ({_options.Endpoint}) did not answer within {timeout.TotalMilliseconds:0} ms"));
        }
    }

    private ResiliencePipeline BuildPipeline(CircuitBreakerStateProvider stateProvider, TimeProvider timeProvider, IRandomSource random) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && CloudLinkFailures.IsRetryable(ex)),
                MaxRetryAttempts = Math.Max(1, _options.MaxRetries),
                Delay = _options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Randomizer = random.NextDouble,
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && CloudLinkFailures.IsLinkFailure(ex)),
                FailureRatio = _options.FailureRatio,
                MinimumThroughput = _options.MinimumThroughput,
                SamplingDuration = _options.SamplingDuration,
                BreakDuration = _options.BreakDuration,
                StateProvider = stateProvider,
                OnOpened = args =>
                {
                    Link.OnOpened();
                    Log.CircuitOpened(_logger, _options.Endpoint, args.BreakDuration, args.Outcome.Exception?.Message ?? "");
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    Log.CircuitClosed(_logger, _options.Endpoint);
                    return ValueTask.CompletedTask;
                },
                OnHalfOpened = _ =>
                {
                    Log.CircuitHalfOpened(_logger, _options.Endpoint);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
