using EdgeCloud.Shared.Tensors;

namespace EdgeCloud.Shared.Tests.Tensors;

public sealed class TensorSpecTests
{
    [Fact]
    public void FormatShape_Dimensions_WritesBracketedCommaList()
    {
        Assert.Equal("[2,-1,128]", TensorSpec.FormatShape([2, -1, 128]));
        Assert.Equal("[]", TensorSpec.FormatShape([]));
        Assert.Equal("[9223372036854775807]", TensorSpec.FormatShape([long.MaxValue]));
    }

    [Fact]
    public void ShapeText_Spec_FormatsItsShape() =>
        Assert.Equal("[-1,-1]", new TensorSpec("input", DataType.Fp32, [-1, -1]).ShapeText);
}
