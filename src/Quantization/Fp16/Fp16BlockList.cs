namespace EdgeCloud.Quantization.Fp16;

/// <summary>
/// Operators kept in fp32 (with Casts around them): ones without fp16 kernels in common execution providers,
/// ones whose float inputs must stay fp32 (Resize/Upsample scales, Range), ones that choose their output type
/// by attribute, and reductions and powers whose fp16 sums or squares overflow or lose too much (65504 is the fp16 maximum).
/// Conservative on purpose: a blocked op costs two Casts, a wrong one costs accuracy.
/// </summary>
public static class Fp16BlockList
{
    public static IReadOnlySet<string> Default { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        // Classical ML operators (ai.onnx.ml is blocked anyway: only the default domain is converted).
        "ArrayFeatureExtractor", "Binarizer", "CastMap", "CategoryMapper", "DictVectorizer", "FeatureVectorizer", "Imputer",
        "LabelEncoder", "LinearClassifier", "LinearRegressor", "Normalizer", "OneHotEncoder", "SVMClassifier", "SVMRegressor",
        "Scaler", "TreeEnsembleClassifier", "TreeEnsembleRegressor", "ZipMap",

        // fp32-only inputs, indices and geometry.
        "Resize", "Upsample", "Range", "NonMaxSuppression", "TopK", "RoiAlign", "CumSum", "Min", "Max",

        // Output type chosen by attribute.
        "RandomNormal", "RandomUniform", "RandomNormalLike", "RandomUniformLike", "Multinomial", "Bernoulli", "EyeLike",
        "TfIdfVectorizer", "DFT", "STFT", "MelWeightMatrix", "HannWindow", "HammingWindow", "BlackmanWindow",

        // Reductions and powers: sums of many values or squares overflow fp16.
        "ReduceSum", "ReduceSumSquare", "ReduceMean", "ReduceProd", "ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "Pow",
    };
}
