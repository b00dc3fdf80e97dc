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
            var (measureFrom, stopAt) = CallerTally.Window(warmup, measure);
            var perCaller = Enumerable.Range(0, concurrency).Select(_ => new CallerTally(measureFrom, stopAt)).ToArray();
            var threads = Enumerable.Range(0, concurrency).Select(caller => new Thread(() => Caller(caller, values, concurrency, perCaller[caller]))
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

            return CallerTally.Summarize(perCaller, measure);
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

    private void Caller(int caller, OrtValue[] values, int concurrency, CallerTally tally)
    {
        var input = new OrtValue[1];
        for (var i = caller; ; i += concurrency)
        {
            var sent = Stopwatch.GetTimestamp();
            if (!tally.Continues(sent))
            {
                return;
            }

            input[0] = values[i % values.Length];
            using (session.Run(_runOptions, _inputNames, input, _outputNames))
            {
            }

            tally.Record(sent, Stopwatch.GetTimestamp());
        }
    }

    private OrtValue Value(float[] pinned, int batch)
    {
        long[] shape = [batch, .. inputs.Model.RequestShape.Skip(1)];
        return OrtValue.CreateTensorValueWithData(
            OrtMemoryInfo.DefaultInstance, TensorElementType.Float, shape, Marshal.UnsafeAddrOfPinnedArrayElement(pinned, 0), pinned.Length * sizeof(float));
    }
}
