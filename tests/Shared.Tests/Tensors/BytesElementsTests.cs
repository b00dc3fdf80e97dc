using System.Text;
using EdgeCloud.Shared.Tensors;
using EdgeCloud.Shared.Tests.TestSupport;

namespace EdgeCloud.Shared.Tests.Tensors;

public sealed class BytesElementsTests
{
    [Fact]
    public void Join_Elements_WritesLittleEndianLengthThenBytes()
    {
        var joined = BytesElements.Join([Encoding.UTF8.GetBytes("hi"), ReadOnlyMemory<byte>.Empty, new byte[] { 0xFF }]);

        Assert.Equal(Convert.FromHexString("02000000" + "6869" + "00000000" + "01000000" + "FF"), joined);
    }

    [Fact]
    public void Join_NoElements_ReturnsEmpty() =>
        Assert.Empty(BytesElements.Join([]));

    [Fact]
    public void SplitJoin_EmptyAndUtf8Elements_RoundTrip()
    {
        string[] texts = ["", "a", "héllo wörld ✓", "", "日本語のテキスト", "emoji 🚀", "\0nul inside\0"];
        var joined = BytesElements.Join([.. texts.Select(t => new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(t)))]);

        var split = BytesElements.Split("text", joined, texts.Length);

        Assert.Equal(texts, split.Select(e => Encoding.UTF8.GetString(e.Span)));
    }

    [Fact]
    public void Split_LargeElement_RoundTrips()
    {
        var big = new byte[70_000];
        new Random(7).NextBytes(big);

        var split = BytesElements.Split("blob", BytesElements.Join([big, new byte[] { 1 }]), 2);

        Assert.Equal(big, split[0].ToArray());
        Assert.Equal(new byte[] { 1 }, split[1].ToArray());
    }

    [Fact]
    public void Split_ZeroElementsOfEmptyContents_ReturnsEmpty() =>
        Assert.Empty(BytesElements.Split("text", ReadOnlyMemory<byte>.Empty, 0));

    [Fact]
    public void Split_AllEmptyElements_ReturnsEmptyElements()
    {
        var split = BytesElements.Split("text", new byte[12], 3);

        Assert.Equal(3, split.Length);
        Assert.All(split, e => Assert.True(e.IsEmpty));
    }

    [Fact]
    public void Split_TruncatedLengthPrefix_ThrowsInvalidNamingInputAndPosition()
    {
        var raw = Convert.FromHexString("01000000" + "41" + "0200");

        InferenceAssert.Invalid(
            () => BytesElements.Split("text", raw, 2),
            "input 'text'",
            "after 1 of 2 elements",
            "4-byte length prefix was expected at byte 5");
    }

    [Fact]
    public void Split_NoBytesButOneElementDeclared_ThrowsInvalid() =>
        InferenceAssert.Invalid(
            () => BytesElements.Split("text", ReadOnlyMemory<byte>.Empty, 1),
            "input 'text'",
            "after 0 of 1 elements",
            "at byte 0");

    [Fact]
    public void Split_LengthPastEnd_ThrowsInvalidNamingDeclaredAndRemaining()
    {
        var raw = Convert.FromHexString("0A000000" + "414243");

        InferenceAssert.Invalid(
            () => BytesElements.Split("text", raw, 1),
            "input 'text'",
            "element 0 declares 10 bytes but only 3 remain");
    }

    [Fact]
    public void Split_MaxUInt32Length_ThrowsInvalidWithoutOverflow()
    {
        var raw = Convert.FromHexString("00000000" + "FFFFFFFF" + "4142");

        InferenceAssert.Invalid(
            () => BytesElements.Split("text", raw, 2),
            "input 'text'",
            "element 1 declares 4294967295 bytes but only 2 remain");
    }

    [Fact]
    public void Split_TrailingBytes_ThrowsInvalidNamingHowMany()
    {
        var raw = Convert.FromHexString("01000000" + "41" + "4243");

        InferenceAssert.Invalid(
            () => BytesElements.Split("text", raw, 1),
            "input 'text'",
            "hold 2 bytes after the 1 elements the shape declares");
    }

    [Fact]
    public void Split_ZeroElementsDeclaredButBytesPresent_ThrowsInvalid() =>
        InferenceAssert.Invalid(
            () => BytesElements.Split("text", new byte[4], 0),
            "input 'text'",
            "hold 4 bytes after the 0 elements");

    [Fact]
    public void Split_ElementsShareTheRawBuffer()
    {
        var raw = BytesElements.Join([Encoding.UTF8.GetBytes("abc")]);

        var split = BytesElements.Split("text", raw, 1);
        raw[4] = (byte)'z';

        Assert.Equal("zbc", Encoding.UTF8.GetString(split[0].Span));
    }

    [Fact]
    public void Split_CountFarBeyondWhatTheBytesCanHold_FailsWithoutAllocatingForTheDeclaredCount()
    {
        // Each element needs at least its 4-byte prefix, so 8 bytes can never hold 4 Mi elements.
        // A request that small must not make the server allocate an array sized by the claimed count
        // (4 Mi x 16 bytes here; 1 GiB at the default 64 Mi element limit).
        var raw = new byte[8];
        const long claimed = 4L * 1024 * 1024;

        var before = GC.GetAllocatedBytesForCurrentThread();
        InferenceAssert.Invalid(() => BytesElements.Split("text", raw, claimed), "input 'text'");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 1024 * 1024, $"Split allocated {allocated} bytes to reject 8 bytes of contents that claim {claimed} elements");
    }
}
