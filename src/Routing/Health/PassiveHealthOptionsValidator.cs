using Microsoft.Extensions.Options;

namespace EdgeCloud.Routing.Health;

/// <summary>Validates <see cref="PassiveHealthOptions"/> from its data annotations.</summary>
[OptionsValidator]
internal sealed partial class PassiveHealthOptionsValidator : IValidateOptions<PassiveHealthOptions>;
