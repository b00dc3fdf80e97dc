namespace EdgeCloud.Quantization.Static;

/// <summary>How <see cref="StaticQdqQuantizer"/> calibrates and quantizes.</summary>
public sealed record StaticInt8Options
{
    /// <summary>Default <see cref="CalibrationMethod.MinMax"/>.</summary>
    public CalibrationMethod Method { get; init; } = CalibrationMethod.MinMax;

    /// <summary>For <see cref="CalibrationMethod.Percentile"/>: the share of values kept inside the range at each end. Default 99.99.</summary>
    public double Percentile { get; init; } = 99.99;

    /// <summary>One weight scale per output channel (true, the default) or one per tensor.</summary>
    public bool PerChannel { get; init; } = true;

    /// <summary>Histogram bins per tensor for <see cref="CalibrationMethod.Percentile"/>. Default 2048.</summary>
    public int Bins { get; init; } = 2048;
}
