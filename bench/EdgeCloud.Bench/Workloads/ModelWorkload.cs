namespace EdgeCloud.Bench.Workloads;

/// <summary>A model and the one request every path sends it.</summary>
internal sealed record ModelWorkload(string Model, IReadOnlyList<BenchTensor> Inputs, int DefaultIterations)
{
    public string ModelFile(string repository) => Path.Combine(repository, Model, "1", "model.onnx");

    public string Describe() => string.Join(", ", Inputs.Select(t => $"`{t.Name}` {t.Datatype}{t.ShapeText}"));
}
