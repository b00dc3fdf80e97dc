using Microsoft.Extensions.Options;

namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>Validates <see cref="ConsistentHashOptions"/> from its data annotations.</summary>
[OptionsValidator]
internal sealed partial class ConsistentHashOptionsValidator : IValidateOptions<ConsistentHashOptions>;
