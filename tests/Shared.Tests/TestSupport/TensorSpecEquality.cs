using EdgeCloud.Shared.Tensors;

namespace EdgeCloud.Shared.Tests.TestSupport;

/// <summary>Compares tensor specs by value, shape included (the record compares its shape list by reference).</summary>
internal sealed class TensorSpecEquality : IEqualityComparer<TensorSpec>
{
    public static TensorSpecEquality Instance { get; } = new();

    public bool Equals(TensorSpec? x, TensorSpec? y) =>
        x is not null && y is not null && x.Name == y.Name && x.DataType == y.DataType && x.Shape.SequenceEqual(y.Shape);

    public int GetHashCode(TensorSpec obj) => HashCode.Combine(obj.Name, obj.DataType, obj.Shape.Count);
}
