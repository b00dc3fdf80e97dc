using EdgeCloud.TestUtilities;

namespace EdgeCloud.CloudHub.Tests.Integration;

/// <summary>One real hub on loopback for a test class, with the models the integration tests use.</summary>
public sealed class HubFixture : IAsyncLifetime
{
    private InProcessHub? _hub;

    public InProcessHub Hub => _hub ?? throw new InvalidOperationException("the hub has not started");

    public async ValueTask InitializeAsync() =>
        _hub = await InProcessHub.StartAsync(TestModels.Repository, ["minilm", "silero-vad", "resnet18", "ocr-cls"]);

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }
}
