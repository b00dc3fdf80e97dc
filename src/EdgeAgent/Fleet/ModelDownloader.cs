using System.Net.Http.Headers;
using System.Text;
using EdgeCloud.EdgeAgent.Messaging;
using EdgeCloud.EdgeAgent.Security;
using EdgeCloud.Fleet.Protocol;
using EdgeCloud.Shared.Fleet;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Fleet;

/// <summary>
/// Downloads one model file from the hub over gRPC (<c>edgecloud.fleet.ModelDistribution/DownloadFile</c>),
/// appending to a partial file. After a cut it resumes from the bytes already on disk, with capped
/// backoff on <see cref="TimeProvider"/> and a bounded number of attempts. The channel trusts and presents what the cloud
/// link does (<see cref="CloudCredentials"/>); the device's own secret, when set, authenticates each call.
/// </summary>
internal sealed class ModelDownloader : IDisposable
{
    private const int MaxAttempts = 8;
    private readonly AgentOptions _agent;
    private readonly AgentMqttOptions _mqtt;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lazy<GrpcChannel> _channel;

    public ModelDownloader(IOptions<AgentOptions> agent, IOptions<AgentMqttOptions> mqtt, TimeProvider time, ILogger<ModelDownloader> logger)
    {
        _agent = agent.Value;
        _mqtt = mqtt.Value;
        _time = time;
        _logger = logger;
        _channel = new Lazy<GrpcChannel>(() =>
        {
            var endpoint = _mqtt.DownloadEndpoint.Length > 0 ? _mqtt.DownloadEndpoint : _agent.Cloud.Endpoint;
            if (endpoint.Length == 0)
            {
                throw new InvalidOperationException("no hub endpoint for model downloads: set Agent:Mqtt:DownloadEndpoint or Agent:Cloud:Endpoint");
            }

            // The same trust and credential as the cloud link (Agent:Cloud:CaCertificatePath, Agent:Cloud:CredentialFile);
            // with a device secret, that secret authenticates the downloads and an API key is not sent.
            return GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions
            {
                MaxReceiveMessageSize = 16 * 1024 * 1024,
                HttpHandler = CloudCredentials.Wrap(new SocketsHttpHandler { EnableMultipleHttp2Connections = true }, _agent.Cloud, sendApiKey: _mqtt.Password.Length == 0),
            });
        });
    }

    /// <summary>Fetches <paramref name="file"/> into <paramref name="target"/>, resuming a partial copy already there.</summary>
    public async Task DownloadAsync(ModelManifest manifest, ManifestFile file, string target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var client = new ModelDistribution.ModelDistributionClient(_channel.Value);
        var credentials = new Metadata();
        if (_mqtt.Password.Length > 0)
        {
            credentials.Add("authorization", new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_agent.DeviceId}:{_mqtt.Password}"))).ToString());
        }

        var backoff = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            var offset = File.Exists(target) ? new FileInfo(target).Length : 0;
            if (offset > file.Size)
            {
                File.Delete(target); // not ours to resume: start again
                offset = 0;
            }

            if (offset == file.Size)
            {
                return;
            }

            try
            {
                await using var output = new FileStream(target, FileMode.Append, FileAccess.Write, FileShare.None, 1, useAsync: true);
                using var call = client.DownloadFile(
                    new DownloadFileRequest { Name = manifest.Name, Version = manifest.Version, File = file.Path, Offset = offset },
                    credentials,
                    cancellationToken: cancellationToken);
                await foreach (var chunk in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    if (chunk.Offset != output.Position)
                    {
                        throw new InvalidDataException($"the hub sent bytes at offset {chunk.Offset} while {output.Position} were expected");
                    }

                    await output.WriteAsync(chunk.Data.Memory, cancellationToken);
                }

                await output.FlushAsync(cancellationToken);
                return;
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled && !cancellationToken.IsCancellationRequested && attempt < MaxAttempts)
            {
                var have = File.Exists(target) ? new FileInfo(target).Length : 0;
                Log.DownloadInterrupted(_logger, manifest.Name, manifest.Version, file.Path, have, file.Size, backoff, ex.Status.Detail);
                await Task.Delay(backoff, _time, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
            catch (RpcException ex)
            {
                throw new InvalidDataException($"download of {manifest.Name}@{manifest.Version}/{file.Path} failed: {ex.StatusCode} {ex.Status.Detail}", ex);
            }
        }
    }

    public void Dispose()
    {
        if (_channel.IsValueCreated)
        {
            _channel.Value.Dispose();
        }
    }
}
