namespace EdgeCloud.Quantization.Gate;

/// <summary>What the cosine is taken of when a variant is compared with fp32.</summary>
public enum ComparisonKind
{
    /// <summary>Every floating-point output, flattened per sample.</summary>
    Outputs,

    /// <summary>The sentence embedding: the first 3-D output mean-pooled under <c>attention_mask</c> (MiniLM, BERT).</summary>
    PooledEmbedding,
}
