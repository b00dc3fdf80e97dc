namespace EdgeCloud.Quantization;

/// <summary>A model the converter cannot handle, or a variant the accuracy gate rejected; the message says which and why.</summary>
public sealed class QuantizationException : Exception
{
    public QuantizationException()
    {
    }

    public QuantizationException(string message)
        : base(message)
    {
    }

    public QuantizationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
