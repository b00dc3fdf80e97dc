namespace EdgeCloud.Quantization.Int8;

/// <summary>
/// Activation parameters for uint8: the calibrated range widened to hold 0, scale = (max - min) / 255,
/// zero point = round(-min / scale). A range of only non-negative values gets zero point 0.
/// </summary>
internal readonly record struct AsymmetricUInt8(float Scale, byte ZeroPoint)
{
    public static AsymmetricUInt8 FromRange(float min, float max)
    {
        min = MathF.Min(min, 0);
        max = MathF.Max(max, 0);
        if (max - min < 1e-12f)
        {
            return new(1f, 0);
        }

        var scale = (max - min) / 255f;
        var zeroPoint = (byte)Math.Clamp(MathF.Round(-min / scale, MidpointRounding.ToEven), 0f, 255f);
        return new(scale, zeroPoint);
    }
}
