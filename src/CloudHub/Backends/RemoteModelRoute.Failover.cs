using EdgeCloud.Routing.Health;
using EdgeCloud.Routing.LoadBalancing;
using EdgeCloud.Shared.Hosting;
using EdgeCloud.Shared.Inference;
using Grpc.Core;

namespace EdgeCloud.CloudHub.Backends;

/// <summary>Picking backends, sending with failover, and reporting every outcome to health, circuit and metrics.</summary>
internal sealed partial class RemoteModelRoute
{
    private async ValueTask<(T Response, RemoteBackend Backend)> SendAsync<T>(
        Func<RemoteBackend, CallOptions, AsyncUnaryCall<T>> send, DateTime? deadline, CancellationToken cancellationToken)
    {
        HashSet<RemoteBackend>? tried = null;
        List<string>? errors = null;
        var overloaded = 0;
        for (var attempt = 0; attempt < _options.MaxAttempts; attempt++)
        {
            var backend = Pick(tried);
            if (backend is null)
            {
                break;
            }

            (tried ??= []).Add(backend);
            backend.State.RequestStarted();
            var started = _time.GetTimestamp();
            using var timeout = new CancellationTokenSource(_options.AttemptTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                var response = await send(backend, Call(deadline, linked.Token));
                Succeeded(backend, started);
                return (response, backend);
            }
            catch (RpcException ex) when (cancellationToken.IsCancellationRequested)
            {
                Ended(backend, RequestOutcome.CallerCanceled, "canceled");
                throw new OperationCanceledException("the caller canceled the request", ex, cancellationToken);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.DeadlineExceeded && deadline is { } d && _time.GetUtcNow().UtcDateTime >= d)
            {
                Ended(backend, RequestOutcome.CallerCanceled, "deadline");
                throw new InferenceException(
                    InferenceErrorCode.DeadlineExceeded, $"model '{Model}': the request's deadline passed while backend {backend.Id} ran it", ex);
            }
            catch (RpcException ex)
            {
                var fault = BackendFaults.Classify(ex.StatusCode);
                if (fault == BackendFault.RequestError)
                {
                    Succeeded(backend, started);
                    throw new InferenceException(RpcErrors.FromStatusCode(ex.StatusCode), $"{ex.Status.Detail} (backend {backend.Id})", ex);
                }

                var detail = timeout.IsCancellationRequested ? $"no answer within {_options.AttemptTimeout.TotalSeconds:0.###} s" : $"{ex.StatusCode}: {ex.Status.Detail}";
                if (fault == BackendFault.Overloaded)
                {
                    overloaded++;
                    Ended(backend, outcome: null, "overloaded");
                }
                else
                {
                    Ended(backend, RequestOutcome.Failure, "failure");
                    backend.State.Circuit.RecordFailure();
                }

                (errors ??= []).Add($"{backend.Id}: {detail}");
                Log.AttemptFailed(_logger, Model, backend.Id, attempt + 1, _options.MaxAttempts, detail);
            }
        }

        throw NoAnswer(errors, overloaded);
    }

    private RemoteBackend? Pick(HashSet<RemoteBackend>? tried)
    {
        var candidates = Candidates(tried, panic: false);
        if (candidates.Count == 0)
        {
            // Every untried backend is out by health (ejected, or failing its probes). That view may be stale, so try
            // them anyway rather than refuse (Envoy's panic routing); open circuits still refuse through TryAcquire.
            candidates = Candidates(tried, panic: true);
        }

        while (candidates.Count > 0)
        {
            var picked = _policy.Pick(_context, candidates);
            if (picked is null)
            {
                return null;
            }

            // Half-open circuits admit one probe request; the others are passed over.
            if (picked.Circuit.TryAcquire())
            {
                return _byState[picked];
            }

            candidates.Remove(picked);
        }

        return null;
    }

    private List<BackendState> Candidates(HashSet<RemoteBackend>? tried, bool panic)
    {
        var candidates = new List<BackendState>(Backends.Count);
        foreach (var backend in Backends)
        {
            if ((panic || backend.State.IsAvailable) && tried?.Contains(backend) != true)
            {
                candidates.Add(backend.State);
            }
        }

        return candidates;
    }

    private void Succeeded(RemoteBackend backend, long started)
    {
        backend.State.RequestEnded(_time.GetElapsedTime(started));
        _passive.RecordOutcome(backend.State, RequestOutcome.Success);
        backend.State.Circuit.RecordSuccess();
        _metrics.BackendAttempt(Model, backend.Id, "success");
    }

    /// <summary>Ends a request without a latency sample (a fast refusal must not make a backend look fast).</summary>
    private void Ended(RemoteBackend backend, RequestOutcome? outcome, string metric)
    {
        backend.State.RequestEnded(latency: null);
        if (outcome is { } value)
        {
            _passive.RecordOutcome(backend.State, value);
        }

        _metrics.BackendAttempt(Model, backend.Id, metric);
    }

    private InferenceException NoAnswer(List<string>? errors, int overloaded)
    {
        if (errors is null)
        {
            return new InferenceException(
                InferenceErrorCode.Unavailable,
                $"model '{Model}': none of its {Backends.Count} backends can take a request now ({string.Join("; ", Backends.Select(Describe))})");
        }

        var code = overloaded == errors.Count ? InferenceErrorCode.ResourceExhausted : InferenceErrorCode.Unavailable;
        return new InferenceException(
            code, $"model '{Model}': {errors.Count} attempt(s) on its backends failed: {string.Join("; ", errors)}");
    }

    private static string Describe(RemoteBackend backend)
    {
        var state = backend.State;
        return state.IsEjected ? $"{backend.Id} ejected after a failure rate of {state.FailureRate:P0}"
            : state.ActiveHealth == BackendHealth.Unhealthy ? $"{backend.Id} failing its health probes"
            : state.Circuit.State is not (Routing.CircuitBreaking.CircuitState.Closed or Routing.CircuitBreaking.CircuitState.HalfOpen)
                ? $"{backend.Id} circuit {state.Circuit.State}, retry after {state.Circuit.RetryAfter.TotalSeconds:0.#} s"
            : $"{backend.Id} busy with a probe request";
    }
}
