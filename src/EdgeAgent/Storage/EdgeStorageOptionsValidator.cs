using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Storage;

/// <summary>Source-generated DataAnnotations validation for <see cref="EdgeStorageOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class EdgeStorageOptionsValidator : IValidateOptions<EdgeStorageOptions>;
