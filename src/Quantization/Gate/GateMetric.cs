namespace EdgeCloud.Quantization.Gate;

/// <summary>What an accuracy gate measures.</summary>
public enum GateMetric
{
    /// <summary><c>minilm-cosine</c>: mean cosine of mean-pooled sentence embeddings over the evaluation sentences (at least).</summary>
    MiniLmCosine,

    /// <summary><c>output-cosine</c>: mean cosine of the flattened outputs over the evaluation samples (at least).</summary>
    OutputCosine,

    /// <summary><c>top1</c>: share of rows whose argmax agrees with fp32 (at least).</summary>
    Top1,

    /// <summary><c>max-abs</c>: largest absolute difference of any output element (at most).</summary>
    MaxAbs,
}
