using EdgeCloud.EdgeAgent;
using EdgeCloud.Shared.Hosting;

return HostRunner.Run(() =>
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddEdgeAgent();

    var app = builder.Build();
    app.MapEdgeAgent();
    return app;
});
