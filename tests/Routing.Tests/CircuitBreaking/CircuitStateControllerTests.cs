using EdgeCloud.Routing.CircuitBreaking;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCloud.Routing.Tests.CircuitBreaking;

public sealed class CircuitStateControllerTests
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new();
    private readonly List<CircuitStateChange> _changes = [];
    private readonly CircuitBreakerOptions _options;

    public CircuitStateControllerTests()
    {
        _options = new CircuitBreakerOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 4,
            SamplingDuration = TimeSpan.FromSeconds(10),
            BreakDuration = BreakDuration,
            OnOpened = _changes.Add,
            OnClosed = _changes.Add,
            OnHalfOpened = _changes.Add,
        };
    }

    [Fact]
    public void TryAcquire_Closed_Admits()
    {
        var circuit = Create();

        Assert.True(circuit.TryAcquire());
        Assert.Equal(CircuitState.Closed, circuit.State);
        Assert.Equal(TimeSpan.Zero, circuit.RetryAfter);
    }

    [Fact]
    public void RecordFailure_BelowMinimumThroughput_StaysClosed()
    {
        var circuit = Create();

        Fail(circuit, 3);

        Assert.Equal(CircuitState.Closed, circuit.State);
        Assert.Empty(_changes);
    }

    [Fact]
    public void RecordFailure_RatioReachedAtMinimumThroughput_Opens()
    {
        var circuit = Create();
        circuit.RecordSuccess();
        circuit.RecordSuccess();
        circuit.RecordFailure();

        circuit.RecordFailure();

        Assert.Equal(CircuitState.Open, circuit.State);
        Assert.False(circuit.TryAcquire());
        Assert.Equal(BreakDuration, circuit.RetryAfter);
        var change = Assert.Single(_changes);
        Assert.Equal(new CircuitStateChange("b1", CircuitState.Closed, CircuitState.Open, BreakDuration, IsManual: false), change);
    }

    [Fact]
    public void RecordFailure_RatioBelowThreshold_StaysClosed()
    {
        var circuit = Create();
        Succeed(circuit, 3);

        Fail(circuit, 2);

        Assert.Equal(CircuitState.Closed, circuit.State);
    }

    [Fact]
    public void RecordFailure_OldFailuresLeftTheSamplingWindow_StaysClosed()
    {
        var circuit = Create();
        Fail(circuit, 3);
        _time.Advance(TimeSpan.FromSeconds(10));

        circuit.RecordFailure();
        circuit.RecordSuccess();

        Assert.Equal(CircuitState.Closed, circuit.State);
    }

    [Fact]
    public void RetryAfter_Open_CountsDownWithTime()
    {
        var circuit = OpenedCircuit();

        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(3), circuit.RetryAfter);
        Assert.Equal(CircuitState.Open, circuit.State);
    }

    [Fact]
    public void State_BreakDurationElapsed_ReadsHalfOpen()
    {
        var circuit = OpenedCircuit();

        _time.Advance(BreakDuration);

        Assert.Equal(CircuitState.HalfOpen, circuit.State);
        Assert.Equal(TimeSpan.Zero, circuit.RetryAfter);
    }

    [Fact]
    public void TryAcquire_BreakDurationElapsed_AdmitsOneProbe()
    {
        var circuit = OpenedCircuit();
        _time.Advance(BreakDuration);

        Assert.True(circuit.TryAcquire());
        Assert.False(circuit.TryAcquire());
        Assert.Equal(CircuitState.HalfOpen, circuit.State);
        Assert.Equal(CircuitState.HalfOpen, _changes[^1].NewState);
    }

    [Fact]
    public void RecordSuccess_HalfOpenProbe_Closes()
    {
        var circuit = HalfOpenedCircuit();

        circuit.RecordSuccess();

        Assert.Equal(CircuitState.Closed, circuit.State);
        Assert.True(circuit.TryAcquire());
        Assert.Equal(new CircuitStateChange("b1", CircuitState.HalfOpen, CircuitState.Closed, null, IsManual: false), _changes[^1]);
    }

    [Fact]
    public void RecordSuccess_AfterClosing_ForgetsOldFailures()
    {
        var circuit = HalfOpenedCircuit();
        circuit.RecordSuccess();

        Fail(circuit, 3);

        Assert.Equal(CircuitState.Closed, circuit.State);
    }

    [Fact]
    public void RecordFailure_HalfOpenProbe_Reopens()
    {
        var circuit = HalfOpenedCircuit();

        circuit.RecordFailure();

        Assert.Equal(CircuitState.Open, circuit.State);
        Assert.False(circuit.TryAcquire());
        Assert.Equal(BreakDuration, circuit.RetryAfter);
        Assert.Equal(CircuitState.HalfOpen, _changes[^1].PreviousState);
        Assert.Equal(CircuitState.Open, _changes[^1].NewState);
    }

    [Fact]
    public void TryAcquire_HalfOpenProbeNeverReported_AdmitsAnotherAfterBreakDuration()
    {
        var circuit = HalfOpenedCircuit();
        Assert.False(circuit.TryAcquire());

        _time.Advance(BreakDuration);

        Assert.True(circuit.TryAcquire());
    }

    [Fact]
    public void Isolate_Closed_BlocksUntilClose()
    {
        var circuit = Create();

        circuit.Isolate();
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(CircuitState.Isolated, circuit.State);
        Assert.False(circuit.TryAcquire());
        Assert.Equal(Timeout.InfiniteTimeSpan, circuit.RetryAfter);
        Assert.True(_changes[^1].IsManual);

        circuit.Close();

        Assert.Equal(CircuitState.Closed, circuit.State);
        Assert.True(circuit.TryAcquire());
        Assert.Equal(new CircuitStateChange("b1", CircuitState.Isolated, CircuitState.Closed, null, IsManual: true), _changes[^1]);
    }

    [Fact]
    public void Close_AlreadyClosed_RaisesNoCallback()
    {
        var circuit = Create();

        circuit.Close();

        Assert.Empty(_changes);
    }

    [Fact]
    public void Callbacks_EveryTransition_RunOutsideTheLock()
    {
        CircuitStateController? circuit = null;
        var lockHeld = new List<bool>();
        void Check(CircuitStateChange change) => lockHeld.Add(circuit!.IsLockHeldByCurrentThread);
        _options.OnOpened = Check;
        _options.OnHalfOpened = Check;
        _options.OnClosed = Check;
        circuit = Create();

        Fail(circuit, 4);
        _time.Advance(BreakDuration);
        circuit.TryAcquire();
        circuit.RecordSuccess();
        circuit.Isolate();
        circuit.Close();

        Assert.Equal([false, false, false, false, false], lockHeld);
    }

    [Fact]
    public void Callback_ReadsTheState_SeesTheNewState()
    {
        CircuitState? seen = null;
        CircuitStateController? circuit = null;
        _options.OnOpened = _ => seen = circuit!.State;
        circuit = Create();

        Fail(circuit, 4);

        Assert.Equal(CircuitState.Open, seen);
    }

    private CircuitStateController Create() => new("b1", _options, _time);

    private CircuitStateController OpenedCircuit()
    {
        var circuit = Create();
        Fail(circuit, 4);
        Assert.Equal(CircuitState.Open, circuit.State);
        return circuit;
    }

    private CircuitStateController HalfOpenedCircuit()
    {
        var circuit = OpenedCircuit();
        _time.Advance(BreakDuration);
        Assert.True(circuit.TryAcquire());
        return circuit;
    }

    private static void Fail(CircuitStateController circuit, int times)
    {
        for (var i = 0; i < times; i++)
        {
            circuit.RecordFailure();
        }
    }

    private static void Succeed(CircuitStateController circuit, int times)
    {
        for (var i = 0; i < times; i++)
        {
            circuit.RecordSuccess();
        }
    }
}
