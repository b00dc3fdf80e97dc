namespace EdgeCloud.Routing.Edge;

/// <summary>The kinds of input a request carries. More than one flag makes it multimodal.</summary>
[Flags]
public enum Modality
{
    /// <summary>Unknown or not stated.</summary>
    None = 0,

    /// <summary>Text or token ids.</summary>
    Text = 1,

    /// <summary>Images.</summary>
    Image = 2,

    /// <summary>Audio.</summary>
    Audio = 4,

    /// <summary>Video.</summary>
    Video = 8,

    /// <summary>Plain numeric tensors (features, embeddings).</summary>
    Tensor = 16,
}
