namespace EdgeCloud.EdgeAgent.Serving;

/// <summary>The answer of a <see cref="HedgedCall"/>, and which of the two calls gave it.</summary>
/// <param name="Value">The first successful result.</param>
/// <param name="HedgeStarted">The primary had not finished by the hedge delay, so the hedge ran too.</param>
/// <param name="HedgeAnswered">The hedge's result is <paramref name="Value"/>.</param>
internal readonly record struct HedgeOutcome<T>(T Value, bool HedgeStarted, bool HedgeAnswered);
