namespace EdgeCloud.Quantization.Static;

/// <summary>How an activation's range is taken from the calibration runs.</summary>
public enum CalibrationMethod
{
    /// <summary>The smallest and largest value seen.</summary>
    MinMax,

    /// <summary>The <see cref="StaticInt8Options.Percentile"/> percentile at each end, so rare outliers do not widen the scale.</summary>
    Percentile,
}
