using System.Collections.Concurrent;
using System.Threading.Channels;
using EdgeCloud.CloudHub.Batching;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;

namespace EdgeCloud.CloudHub.Tests.Batching;

/// <summary>
/// An <see cref="IInstanceRunner"/> over <see cref="EchoModel"/> that records every run, can hold runs
/// until the test releases them, and can fail the runs a test picks.
/// </summary>
internal sealed class EchoRunner(int instances = 1) : IInstanceRunner
{
    private readonly SemaphoreSlim _gate = new(0);
    private readonly Channel<EchoRun> _started = Channel.CreateUnbounded<EchoRun>();

    public ModelSessionInfo Info => EchoModel.Info;

    public int InstanceCount => instances;

    /// <summary>Runs wait for <see cref="Release"/> while this is true.</summary>
    public bool Hold { get; set; }

    /// <summary>Runs for which this answers true fail with INTERNAL.</summary>
    public Func<ModelInferRequest, bool>? FailWhen { get; set; }

    public ConcurrentQueue<EchoRun> Runs { get; } = new();

    public ModelInferResponse Run(int instance, ModelInferRequest request)
    {
        var run = new EchoRun(instance, request, (int)request.Inputs[0].Shape[0], (int)request.Inputs[0].Shape[1]);
        Runs.Enqueue(run);
        _started.Writer.TryWrite(run);
        if (Hold && !_gate.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("the test never released the run");
        }

        if (FailWhen?.Invoke(request) == true)
        {
            throw new InferenceException(InferenceErrorCode.Internal, "scripted failure");
        }

        return EchoModel.Run(request);
    }

    /// <summary>Waits for the next run to start (runs start on the thread pool).</summary>
    public async Task<EchoRun> NextRunAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await _started.Reader.ReadAsync(timeout.Token);
    }

    public void Release(int count = 1) => _gate.Release(count);
}

/// <summary>One run: the instance, the (joined) request, and its rows and width.</summary>
internal sealed record EchoRun(int Instance, ModelInferRequest Request, int Rows, int Width);
