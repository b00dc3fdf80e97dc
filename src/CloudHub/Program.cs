using EdgeCloud.CloudHub;
using EdgeCloud.Shared.Hosting;

return HostRunner.Run(() =>
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddCloudHub();

    var app = builder.Build();
    app.MapCloudHub();
    return app;
});
