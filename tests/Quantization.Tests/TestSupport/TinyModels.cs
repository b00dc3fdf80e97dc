using EdgeCloud.Quantization.Onnx;
using DataType = EdgeCloud.Quantization.Onnx.TensorProto.Types.DataType;

namespace EdgeCloud.Quantization.Tests.TestSupport;

/// <summary>Small ONNX models built in code, with known weights, for exact checks of one rewrite at a time.</summary>
internal static class TinyModels
{
    /// <summary>x[1,K] → MatMul(W[K,N]) → y, with W drawn from a seeded generator.</summary>
    public static ModelProto MatMul(int k, int n, long opset = 13, int seed = 1)
    {
        var model = Model(opset);
        model.Graph.Input.Add(Value("x", DataType.Float, 1, k));
        model.Graph.Output.Add(Value("y", DataType.Float, 1, n));
        model.Graph.Initializer.Add(TensorBytes.Create<float>("W", DataType.Float, Random(k * n, seed), k, n));
        model.Graph.Node.Add(OnnxNodes.Create("MatMul", "mm", ["x", "W"], ["y"]));
        return model;
    }

    /// <summary>x[1,K] → Gemm(B[N,K] transposed, C[N]) → y.</summary>
    public static ModelProto Gemm(int k, int n)
    {
        var model = Model(13);
        model.Graph.Input.Add(Value("x", DataType.Float, 1, k));
        model.Graph.Output.Add(Value("y", DataType.Float, 1, n));
        model.Graph.Initializer.Add(TensorBytes.Create<float>("B", DataType.Float, Random(k * n, 2), n, k));
        model.Graph.Initializer.Add(TensorBytes.Create<float>("C", DataType.Float, Random(n, 3), n));
        model.Graph.Node.Add(OnnxNodes.Create("Gemm", "gemm", ["x", "B", "C"], ["y"], Attributes.Int("transB", 1)));
        return model;
    }

    /// <summary>ids[1,S] (int64) → Gather(table[V,D]) → y[1,S,D].</summary>
    public static ModelProto Embedding(int vocabulary, int width)
    {
        var model = Model(13);
        model.Graph.Input.Add(Value("ids", DataType.Int64, 1, 4));
        model.Graph.Output.Add(Value("y", DataType.Float, 1, 4, width));
        model.Graph.Initializer.Add(TensorBytes.Create<float>("table", DataType.Float, Random(vocabulary * width, 4), vocabulary, width));
        model.Graph.Node.Add(OnnxNodes.Create("Gather", "embed", ["table", "ids"], ["y"], Attributes.Int("axis", 0)));
        return model;
    }

    /// <summary>x[1,K] → DequantizeLinear(int8 W) → MatMul: a model that is already quantized.</summary>
    public static ModelProto AlreadyQuantized()
    {
        var model = MatMul(8, 8);
        model.Graph.Initializer.Add(TensorBytes.Create<sbyte>("Wq", DataType.Int8, new sbyte[64], 8, 8));
        model.Graph.Initializer.Add(TensorBytes.Create<float>("s", DataType.Float, [0.1f]));
        model.Graph.Node.Insert(0, OnnxNodes.Create("DequantizeLinear", "dq", ["Wq", "s"], ["W2"]));
        return model;
    }

    public static float[] Random(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1))];
    }

    private static ModelProto Model(long opset)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "edgecloud-tests", Graph = new GraphProto { Name = "tiny" } };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model;
    }

    private static ValueInfoProto Value(string name, DataType type, params long[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(dims.Select(d => new TensorShapeProto.Types.Dimension { DimValue = d }));
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } } };
    }
}
