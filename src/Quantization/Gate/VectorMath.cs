namespace EdgeCloud.Quantization.Gate;

/// <summary>Cosine, absolute difference and argmax agreement of output vectors.</summary>
internal static class VectorMath
{
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }

        return na == 0 && nb == 0 ? 1 : dot / (Math.Sqrt(na) * Math.Sqrt(nb) + 1e-30);
    }

    public static double MaxAbsDiff(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double max = 0;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs((double)a[i] - b[i]));
        }

        return max;
    }

    /// <summary>(agreeing rows, rows): argmax over the last axis longer than 1, per row of the rest.</summary>
    public static (int Agree, int Rows) Top1(ReadOnlySpan<float> a, ReadOnlySpan<float> b, long[] shape)
    {
        var width = (int)(shape.Reverse().FirstOrDefault(d => d > 1, 1));
        var rows = a.Length / width;
        var agree = 0;
        for (var r = 0; r < rows; r++)
        {
            if (ArgMax(a.Slice(r * width, width)) == ArgMax(b.Slice(r * width, width)))
            {
                agree++;
            }
        }

        return (agree, rows);
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
