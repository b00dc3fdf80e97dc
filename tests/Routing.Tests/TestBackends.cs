using EdgeCloud.Routing.CircuitBreaking;
using EdgeCloud.Routing.LoadBalancing;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.Routing.Tests;

internal static class TestBackends
{
    public static BackendState Create(string id, TimeProvider? time = null, int weight = 1, int outstanding = 0)
    {
        time ??= new FakeTimeProvider();
        var backend = new BackendState(id, $"http://{id}:8001", new CircuitStateController(id, new CircuitBreakerOptions(), time), time, weight);
        for (var i = 0; i < outstanding; i++)
        {
            backend.RequestStarted();
        }

        return backend;
    }

    public static BackendState[] Many(int count, TimeProvider? time = null) =>
        Enumerable.Range(0, count).Select(i => Create($"b{i}", time)).ToArray();
}
