namespace EdgeCloud.Quantization.Int8;

/// <summary>
/// Symmetric int8 quantization of weights: q = round(w / scale) in [-127, 127], zero point 0,
/// scale = max|w| / 127 per channel (a row or a column of a 2-D view) or for the whole tensor.
/// </summary>
internal static class SymmetricInt8
{
    public static float Scale(float maxAbs) => maxAbs > 0 ? maxAbs / 127f : 1f;

    public static sbyte Quantize(float value, float scale) =>
        (sbyte)Math.Clamp(MathF.Round(value / scale, MidpointRounding.ToEven), -127f, 127f);

    /// <summary>One scale per row of <paramref name="values"/> seen as [rows, values.Length / rows].</summary>
    public static (sbyte[] Values, float[] Scales) PerRow(float[] values, int rows)
    {
        var width = values.Length / rows;
        var q = new sbyte[values.Length];
        var scales = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = values.AsSpan(r * width, width);
            var max = 0f;
            foreach (var v in row)
            {
                max = MathF.Max(max, MathF.Abs(v));
            }

            scales[r] = Scale(max);
            for (var i = 0; i < width; i++)
            {
                q[(r * width) + i] = Quantize(row[i], scales[r]);
            }
        }

        return (q, scales);
    }

    /// <summary>One scale per column of <paramref name="values"/> seen as [rows, columns].</summary>
    public static (sbyte[] Values, float[] Scales) PerColumn(float[] values, int columns)
    {
        var rows = values.Length / columns;
        var max = new float[columns];
        for (var i = 0; i < values.Length; i++)
        {
            max[i % columns] = MathF.Max(max[i % columns], MathF.Abs(values[i]));
        }

        var scales = max.Select(Scale).ToArray();
        var q = new sbyte[values.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                q[(r * columns) + c] = Quantize(values[(r * columns) + c], scales[c]);
            }
        }

        return (q, scales);
    }

    public static (sbyte[] Values, float Scale) PerTensor(float[] values)
    {
        var scale = Scale(values.Length == 0 ? 0 : values.Max(MathF.Abs));
        return ([.. values.Select(v => Quantize(v, scale))], scale);
    }
}
