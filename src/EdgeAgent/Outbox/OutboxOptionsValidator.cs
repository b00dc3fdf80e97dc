using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>Source-generated DataAnnotations validation for <see cref="OutboxOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class OutboxOptionsValidator : IValidateOptions<OutboxOptions>;
