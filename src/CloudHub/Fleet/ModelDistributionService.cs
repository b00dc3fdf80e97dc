using System.Net.Http.Headers;
using System.Text;
using EdgeCloud.Fleet.Protocol;
using EdgeCloud.Shared.Security;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>
/// <c>edgecloud.fleet.ModelDistribution</c>: streams a published model file from an offset, in chunks,
/// to an authenticated device (HTTP Basic with its MQTT credentials), so a cut download resumes.
/// </summary>
internal sealed class ModelDistributionService(FleetModelRegistry models, DeviceRegistry devices, IOptions<FleetHubOptions> options)
    : ModelDistribution.ModelDistributionBase
{
    public override async Task DownloadFile(DownloadFileRequest request, IServerStreamWriter<FileChunk> responseStream, ServerCallContext context)
    {
        Authenticate(context);
        var path = models.FilePath(request.Name, request.Version, request.File)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"model '{request.Name}' version '{request.Version}' has no published file '{request.File}'"));
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        if (request.Offset < 0 || request.Offset > file.Length)
        {
            throw new RpcException(new Status(StatusCode.OutOfRange, $"offset {request.Offset} is outside the file's {file.Length} bytes"));
        }

        file.Position = request.Offset;
        var buffer = new byte[options.Value.ChunkBytes];
        var offset = request.Offset;
        int read;
        while ((read = await file.ReadAsync(buffer, context.CancellationToken)) > 0)
        {
            await responseStream.WriteAsync(new FileChunk { Offset = offset, Total = file.Length, Data = ByteString.CopyFrom(buffer, 0, read) }, context.CancellationToken);
            offset += read;
        }
    }

    private void Authenticate(ServerCallContext context)
    {
        if (context.GetHttpContext().Items[SecurityMiddleware.CallerItem] is Caller caller && caller.HasRole(SecurityRoles.Device))
        {
            return; // Hub:Security on: already authenticated (API key, JWT, client certificate or device secret) with the device role
        }

        var header = context.RequestHeaders.GetValue("authorization");
        if (header is not null && AuthenticationHeaderValue.TryParse(header, out var value) && value.Scheme == "Basic" && value.Parameter is not null)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && devices.Authenticate(pair[..colon], pair[(colon + 1)..]) is not null)
                {
                    return;
                }
            }
            catch (FormatException)
            {
                // falls through to UNAUTHENTICATED
            }
        }

        throw new RpcException(new Status(StatusCode.Unauthenticated, "model downloads need the device's credentials (HTTP Basic: device id and secret)"));
    }
}
