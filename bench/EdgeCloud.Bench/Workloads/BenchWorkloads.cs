namespace EdgeCloud.Bench.Workloads;

/// <summary>The requests the hub-overhead benchmark sends: deterministic, the same on every run.</summary>
internal static class BenchWorkloads
{
    public const string SileroVad = "silero-vad";
    public const string MiniLm = "minilm";

    public static IReadOnlyList<string> Names { get; } = [SileroVad, MiniLm];

    public static ModelWorkload For(string model) => model switch
    {
        SileroVad => Silero(),
        MiniLm => MiniLmSequence(128),
        _ => throw new ArgumentException($"no workload for model '{model}'; known: {string.Join(", ", Names)}", nameof(model)),
    };

    /// <summary>One 32 ms window of 16 kHz audio (a 440 Hz tone with noise), a zero state and the sample rate.</summary>
    private static ModelWorkload Silero()
    {
        var random = new Random(42);
        var audio = new float[512];
        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] = (float)((0.3 * Math.Sin(2 * Math.PI * 440 * i / 16000.0)) + (0.01 * (random.NextDouble() - 0.5)));
        }

        return new ModelWorkload(
            SileroVad,
            [
                BenchTensor.Fp32("input", [1, 512], audio),
                BenchTensor.Fp32("state", [2, 1, 128], new float[2 * 128]),
                BenchTensor.Int64("sr", [], [16000]),
            ],
            DefaultIterations: 5_000);
    }

    /// <summary>One full sequence: [CLS], random word-piece ids, [SEP]; all attended, segment 0.</summary>
    private static ModelWorkload MiniLmSequence(int length)
    {
        var random = new Random(42);
        var ids = new long[length];
        ids[0] = 101;
        for (var i = 1; i < length - 1; i++)
        {
            ids[i] = random.Next(1_000, 29_000);
        }

        ids[^1] = 102;
        var mask = new long[length];
        Array.Fill(mask, 1L);
        return new ModelWorkload(
            MiniLm,
            [
                BenchTensor.Int64("input_ids", [1, length], ids),
                BenchTensor.Int64("attention_mask", [1, length], mask),
                BenchTensor.Int64("token_type_ids", [1, length], new long[length]),
            ],
            DefaultIterations: 1_000);
    }
}
