using Microsoft.Extensions.Options;

namespace EdgeCloud.Routing.CircuitBreaking;

/// <summary>Validates <see cref="CircuitBreakerOptions"/> from its data annotations.</summary>
[OptionsValidator]
internal sealed partial class CircuitBreakerOptionsValidator : IValidateOptions<CircuitBreakerOptions>;
