using Microsoft.Extensions.Options;

namespace EdgeCloud.Routing.Tests;

/// <summary>An <see cref="IOptionsMonitor{TOptions}"/> over one mutable instance.</summary>
internal sealed class TestOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue { get; } = value;

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
