using System.Buffers;
using System.Text;
using EdgeCloud.Shared.Fleet;

namespace EdgeCloud.Fleet.Tests;

/// <summary>
/// How <see cref="FleetPayload.Read{T}"/> classifies the schema field: the fast scan accepts only a well-formed object
/// whose last <c>schema</c> is 1, and every other payload is named by the full parse, as before the scan existed.
/// </summary>
public sealed class FleetPayloadTests
{
    private const string Body = "\"id\":\"c1\",\"ok\":true,\"message\":\"done\"";

    [Theory]
    [InlineData("{\"schema\":1," + Body + "}")]
    [InlineData("{" + Body + ",\"schema\":1}")]
    [InlineData("{\"schema\":2,\"schema\":1," + Body + "}")]
    [InlineData("{\"sch\\u0065ma\":1," + Body + "}")]
    [InlineData("{\"schema\":1,\"extra\":{\"schema\":2,\"list\":[1,{\"schema\":3}]}," + Body + "}")]
    public void Read_CurrentSchema_Parses(string json)
    {
        var result = FleetPayload.Read(Payload(json), FleetJsonContext.Default.FleetCommandResult);

        Assert.Equal("c1", result.Id);
    }

    [Theory]
    [InlineData("{\"schema\":2," + Body + "}", FleetRejectReason.UnknownSchema)]
    [InlineData("{\"schema\":1,\"schema\":2," + Body + "}", FleetRejectReason.UnknownSchema)]
    [InlineData("{" + Body + "}", FleetRejectReason.UnknownSchema)]
    [InlineData("{\"schema\":\"1\"," + Body + "}", FleetRejectReason.Malformed)]
    [InlineData("{\"schema\":1.5," + Body + "}", FleetRejectReason.UnknownSchema)]
    [InlineData("{\"extra\":{\"schema\":1}," + Body + "}", FleetRejectReason.UnknownSchema)]
    [InlineData("{\"schema\":1,", FleetRejectReason.Malformed)]
    [InlineData("[{\"schema\":1}]", FleetRejectReason.Malformed)]
    [InlineData("null", FleetRejectReason.Malformed)]
    [InlineData("{\"schema\":1,\"id\":42,\"ok\":true,\"message\":\"m\"}", FleetRejectReason.Malformed)]
    public void Read_OtherPayloads_AreRefusedWithTheirReason(string json, FleetRejectReason reason)
    {
        var ex = Assert.Throws<FleetPayloadException>(() => FleetPayload.Read(Payload(json), FleetJsonContext.Default.FleetCommandResult));

        Assert.Equal(reason, ex.Reason);
    }

    [Fact]
    public void Read_PayloadSplitAcrossSegments_Parses()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"schema\":1," + Body + "}");
        var first = new Segment(bytes.AsMemory(0, 7));
        var last = first.Append(bytes.AsMemory(7));

        var result = FleetPayload.Read(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length), FleetJsonContext.Default.FleetCommandResult);

        Assert.True(result.Ok);
    }

    private static ReadOnlySequence<byte> Payload(string json) => new(Encoding.UTF8.GetBytes(json));

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
