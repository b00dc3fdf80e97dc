using System.Text.Json;
using EdgeCloud.EdgeAgent.Outbox;
using EdgeCloud.EdgeAgent.Security;
using EdgeCloud.Shared.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.Security.Tests.EdgeAgent;

/// <summary>On-device API refusals are audited, but a flood of them cannot crowd real events out of the bounded outbox.</summary>
public sealed class RefusalAuditObserverTests
{
    [Fact]
    public void OnCompleted_FloodOfRefusals_AuditsTwentyAMinute_ThenSaysHowManyItLeftOut()
    {
        var outbox = new RecordingOutbox();
        var time = new FakeTimeProvider();
        var observer = new RefusalAuditObserver(new AgentAuditTrail(outbox, NullLogger<AgentAuditTrail>.Instance), time);

        for (var i = 0; i < RefusalAuditObserver.PerMinute + 5; i++)
        {
            observer.OnCompleted(Request(), SecurityRoles.Infer, null, StatusCodes.Status401Unauthorized);
        }

        var firstMinute = outbox.Records.Count;
        time.Advance(TimeSpan.FromMinutes(1));
        observer.OnCompleted(Request(), SecurityRoles.Infer, new Caller("key:#0", new HashSet<string>()), StatusCodes.Status403Forbidden);

        Assert.Equal(RefusalAuditObserver.PerMinute, firstMinute);
        var last = outbox.Records[^1];
        Assert.Equal(("api.refused", "GET /v2/models/m from unknown"), (last.Action, last.Target));
        Assert.Equal("403 (key:#0; needs role 'infer'); 5 earlier refusals were not audited one by one", last.Result);
        Assert.All(outbox.Records.Take(firstMinute), r => Assert.Equal("401 (no valid credential; needs role 'infer')", r.Result));
    }

    [Fact]
    public void OnCompleted_AllowedRequest_IsNotAudited()
    {
        var outbox = new RecordingOutbox();
        var observer = new RefusalAuditObserver(new AgentAuditTrail(outbox, NullLogger<AgentAuditTrail>.Instance), new FakeTimeProvider());

        observer.OnCompleted(Request(), SecurityRoles.Infer, new Caller("key:#0", new HashSet<string> { SecurityRoles.Infer }), StatusCodes.Status200OK);

        Assert.Empty(outbox.Records);
    }

    private static DefaultHttpContext Request()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/v2/models/m";
        return context;
    }

    private sealed class RecordingOutbox : IOutbox
    {
        public List<DeviceAuditRecord> Records { get; } = [];

        public OutboxStats Stats => throw new NotSupportedException();

        public ValueTask<OutboxReceipt> AppendAsync(OutboxEntry entry, CancellationToken cancellationToken)
        {
            Assert.Equal(OutboxKinds.AgentAudit, entry.Kind);
            Records.Add(JsonSerializer.Deserialize(entry.Payload.Span, DeviceAuditJsonContext.Default.DeviceAuditRecord)!);
            return ValueTask.FromResult(new OutboxReceipt("id", Records.Count));
        }
    }
}
