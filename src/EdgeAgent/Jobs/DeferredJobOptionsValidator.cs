using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Jobs;

/// <summary>Source-generated DataAnnotations validation for <see cref="DeferredJobOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class DeferredJobOptionsValidator : IValidateOptions<DeferredJobOptions>;
