using Microsoft.Extensions.Options;

namespace EdgeCloud.Routing.Health;

/// <summary>Validates <see cref="ActiveHealthOptions"/> from its data annotations.</summary>
[OptionsValidator]
internal sealed partial class ActiveHealthOptionsValidator : IValidateOptions<ActiveHealthOptions>;
