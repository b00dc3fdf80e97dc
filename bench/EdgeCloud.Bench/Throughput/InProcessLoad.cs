using System.Diagnostics;
using System.Runtime.InteropServices;
using EdgeCloud.Bench.Batching;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeCloud.Bench.Throughput;

/// <summary>
/// The baseline: <c>InferenceSession.Run</c> in the bench process, closed loop — <c>concurrency</c> threads
/// sharing the one session (ONNX Runtime allows concurrent Run calls), each starting its next run as soon
/// as the last returns, over input <see cref="OrtValue"/>s made once over pinned host buffers.
/// </summary>
internal sealed class InProcessLoad(InferenceSession session, ThroughputInputs inputs) : IDisposable
{
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames = [inputs.Model.InputName];
    private readonly string[] _outputNames = [inputs.Model.OutputName];

    /// <summary>The first output for item 0, the reference the hub's answer is checked against.</summary>
    public float[] Reference()
    {
        using var value = Value(inputs.Items[0], batch: 1);
        using var results = session.Run(_runOptions, _inputNames, [value], _outputNames);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }

    /// <summary>Runs one cell; with <paramref name="batch"/> &gt; 1 every run carries that many items (the result counts runs, not items).</summary>
    public CellResult Run(int concurrency, int batch, TimeSpan warmup, TimeSpan measure)
    {
        // The OrtValues only point at these buffers: keep them referenced until the last run is done.
        float[][] buffers = batch == 1 ? inputs.Items : [inputs.Batch(batch)];
        var values = buffers.Select(buffer => Value(buffer, batch)).ToArray();
        try
        {
            var started = Stopwatch.GetTimestamp();
            var measureFrom = started + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
            var stopAt = measureFrom + (long)(measure.TotalSeconds * Stopwatch.Frequency);
            var perCaller = new (List<long> Latencies, int Completed)[concurrency];
            var threads = Enumerable.Range(0, concurrency).Select(caller => new Thread(() => perCaller[caller] = Caller(caller, values, concurrency, measureFrom, stopAt))
            {
                IsBackground = true,
                Name = $"in-process caller {caller}",
            }).ToArray();
            foreach (var thread in threads)
            {
                thread.Start();
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }

            return CellResult.From([.. perCaller.SelectMany(c => c.Latencies)], perCaller.Sum(c => c.Completed), errors: 0, measure);
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }

            GC.KeepAlive(buffers);
        }
    }

    public void Dispose() => _runOptions.Dispose();

    private (List<long> Latencies, int Completed) Caller(int caller, OrtValue[] values, int concurrency, long measureFrom, long stopAt)
    {
        var latencies = new List<long>(4096);
        var completed = 0;
        var input = new OrtValue[1];
        for (var i = caller; ; i += concurrency)
        {
            var sent = Stopwatch.GetTimestamp();
            if (sent >= stopAt)
            {
                return (latencies, completed);
            }

            input[0] = values[i % values.Length];
            using (session.Run(_runOptions, _inputNames, input, _outputNames))
            {
            }

            var done = Stopwatch.GetTimestamp();
            if (done >= measureFrom && done <= stopAt)
            {
                completed++;
            }

            if (sent >= measureFrom && done <= stopAt)
            {
                latencies.Add(done - sent);
            }
        }
    }

    private OrtValue Value(float[] pinned, int batch)
    {
        long[] shape = [batch, .. inputs.Model.RequestShape.Skip(1)];
        return OrtValue.CreateTensorValueWithData(
            OrtMemoryInfo.DefaultInstance, TensorElementType.Float, shape, Marshal.UnsafeAddrOfPinnedArrayElement(pinned, 0), pinned.Length * sizeof(float));
    }
}
