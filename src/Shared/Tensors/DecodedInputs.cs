using System.Buffers;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Shared.Tensors;

/// <summary>
/// The ONNX Runtime values made from one request's inputs, with the pins that keep raw request
/// bytes in place while ONNX Runtime reads them without a copy. Dispose after the run.
/// </summary>
public sealed class DecodedInputs(int capacity) : IDisposable
{
    private readonly List<MemoryHandle> _pins = new(capacity);
    private bool _disposed;

    public List<string> Names { get; } = new(capacity);

    public List<OrtValue> Values { get; } = new(capacity);

    internal void Add(string name, OrtValue value)
    {
        Names.Add(name);
        Values.Add(value);
    }

    internal void Pin(MemoryHandle handle) => _pins.Add(handle);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var value in Values)
        {
            value.Dispose();
        }

        foreach (var pin in _pins)
        {
            pin.Dispose();
        }
    }
}
