using EdgeCloud.Shared.Tensors;

namespace EdgeCloud.Shared.Tests.Tensors;

public sealed class BFloat16BitsTests
{
    [Theory]
    [InlineData(1.0f, 0x3F80)]
    [InlineData(-1.0f, 0xBF80)]
    [InlineData(2.0f, 0x4000)]
    [InlineData(-2.0f, 0xC000)]
    [InlineData(0.5f, 0x3F00)]
    [InlineData(1.5f, 0x3FC0)]
    [InlineData(3.140625f, 0x4049)]
    [InlineData(0.0f, 0x0000)]
    [InlineData(-0.0f, 0x8000)]
    [InlineData(float.PositiveInfinity, 0x7F80)]
    [InlineData(float.NegativeInfinity, 0xFF80)]
    [InlineData(65536.0f, 0x4780)]
    public void FromSingle_ExactValue_ReturnsKnownBits(float value, int expected) =>
        Assert.Equal((ushort)expected, BFloat16Bits.FromSingle(value));

    [Theory]
    [InlineData(0x3F808000u, 0x3F80)] // halfway, even below: stays
    [InlineData(0x3F818000u, 0x3F82)] // halfway, odd below: rounds up to even
    [InlineData(0x3F808001u, 0x3F81)] // just over halfway: up
    [InlineData(0x3F807FFFu, 0x3F80)] // just under halfway: down
    [InlineData(0x3F80FFFFu, 0x3F81)]
    [InlineData(0xBF818000u, 0xBF82)] // negative values round the magnitude the same way
    [InlineData(0x00008000u, 0x0000)] // subnormal tie to even (zero)
    [InlineData(0x00018000u, 0x0002)] // subnormal tie to even (up)
    [InlineData(0x7F7FFFFFu, 0x7F80)] // float.MaxValue rounds to +infinity, as round-to-nearest-even does
    [InlineData(0x7F7F7FFFu, 0x7F7F)] // largest value that stays finite
    public void FromSingle_BitsBetweenTwoBFloat16s_RoundsToNearestEven(uint singleBits, int expected) =>
        Assert.Equal((ushort)expected, BFloat16Bits.FromSingle(BitConverter.UInt32BitsToSingle(singleBits)));

    [Fact]
    public void FromSingle_PiApproximation_RoundsToNearest()
    {
        // pi = 0x40490FDB: the dropped half 0x0FDB is under 0x8000, so it rounds down to 0x4049.
        Assert.Equal(0x4049, BFloat16Bits.FromSingle(MathF.PI));
    }

    [Theory]
    [InlineData(0x7FC00000u)] // quiet NaN
    [InlineData(0xFFC00000u)] // negative quiet NaN
    [InlineData(0x7F800001u)] // signalling NaN whose payload lives only in the dropped half
    [InlineData(0x7FFFFFFFu)] // all-ones payload: rounding must not carry it into infinity or zero
    [InlineData(0xFFFFFFFFu)]
    public void FromSingle_NaN_ReturnsCanonicalQuietNaN(uint nanBits)
    {
        var bits = BFloat16Bits.FromSingle(BitConverter.UInt32BitsToSingle(nanBits));

        Assert.Equal(0x7FC0, bits);
        Assert.True(float.IsNaN(BFloat16Bits.ToSingle(bits)));
    }

    [Theory]
    [InlineData(0x3F80, 1.0f)]
    [InlineData(0xC000, -2.0f)]
    [InlineData(0x3FC0, 1.5f)]
    [InlineData(0x0000, 0.0f)]
    [InlineData(0x7F80, float.PositiveInfinity)]
    [InlineData(0xFF80, float.NegativeInfinity)]
    public void ToSingle_KnownBits_ReturnsValue(int bits, float expected) =>
        Assert.Equal(expected, BFloat16Bits.ToSingle((ushort)bits));

    [Fact]
    public void ToSingle_ThenFromSingle_RoundTripsEveryNonNaNPattern()
    {
        for (var bits = 0; bits <= ushort.MaxValue; bits++)
        {
            var value = BFloat16Bits.ToSingle((ushort)bits);
            if (float.IsNaN(value))
            {
                continue;
            }

            Assert.Equal((ushort)bits, BFloat16Bits.FromSingle(value));
        }
    }

    [Fact]
    public void ToSingle_NegativeZero_KeepsTheSign() =>
        Assert.True(float.IsNegative(BFloat16Bits.ToSingle(0x8000)));
}
