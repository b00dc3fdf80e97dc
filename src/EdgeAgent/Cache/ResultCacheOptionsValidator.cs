using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Cache;

/// <summary>Source-generated DataAnnotations validation for <see cref="ResultCacheOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class ResultCacheOptionsValidator : IValidateOptions<ResultCacheOptions>;
