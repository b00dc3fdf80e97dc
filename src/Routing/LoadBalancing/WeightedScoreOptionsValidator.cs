using Microsoft.Extensions.Options;

namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>Validates <see cref="WeightedScoreOptions"/> from its data annotations.</summary>
[OptionsValidator]
internal sealed partial class WeightedScoreOptionsValidator : IValidateOptions<WeightedScoreOptions>;
