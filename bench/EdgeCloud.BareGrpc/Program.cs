using EdgeCloud.BareGrpc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// Usage: EdgeCloud.BareGrpc --port N --model path/to/model.onnx [--intra-op 1] [--inter-op 1]
var settings = BareSettings.Parse(args);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(settings.Port, l => l.Protocols = HttpProtocols.Http2));
builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = null);
builder.Services.AddSingleton(new BareSession(settings));
var app = builder.Build();
app.MapGrpcService<BareInferenceService>();
await app.StartAsync();
Console.Out.WriteLine($"listening on {settings.Port}");
await app.WaitForShutdownAsync();
await app.DisposeAsync();
