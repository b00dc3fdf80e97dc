using CircuitState = EdgeCloud.Routing.CircuitBreaking.CircuitState;
using Grpc.Core;
using Grpc.Net.Client;
using Polly.CircuitBreaker;
using PollyCircuitState = Polly.CircuitBreaker.CircuitState;

namespace EdgeCloud.EdgeAgent.Cloud;

/// <summary>
/// The cloud link's health as routing sees it, from Polly's circuit and the gRPC channel's state.
/// Polly moves an open circuit to half-open only when a call tries it, so once the break has run
/// out this reports half-open, which lets routing send the one probe that closes it again.
/// </summary>
internal sealed class CloudLinkState(CircuitBreakerStateProvider circuit, TimeProvider timeProvider, TimeSpan breakDuration)
{
    private long _openedAt;

    public GrpcChannel? Channel { get; set; }

    public CircuitState Current
    {
        get
        {
            if (Channel is null)
            {
                return CircuitState.Isolated;
            }

            return circuit.CircuitState switch
            {
                PollyCircuitState.Closed when Channel.State == ConnectivityState.TransientFailure => CircuitState.Open,
                PollyCircuitState.Closed => CircuitState.Closed,
                PollyCircuitState.HalfOpen => CircuitState.HalfOpen,
                PollyCircuitState.Isolated => CircuitState.Isolated,
                _ when timeProvider.GetElapsedTime(Volatile.Read(ref _openedAt)) >= breakDuration => CircuitState.HalfOpen,
                _ => CircuitState.Open,
            };
        }
    }

    public void OnOpened() => Volatile.Write(ref _openedAt, timeProvider.GetTimestamp());
}
