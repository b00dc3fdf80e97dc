using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>Cross-field rules for <see cref="OutboxOptions"/>, each failure naming its keys.</summary>
internal sealed class OutboxOptionsRules : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var errors = new List<string>();
        if (options.MaxEventBytes * 4L > options.MaxBytes)
        {
            errors.Add($"Agent:Outbox:MaxEventBytes ({options.MaxEventBytes}) must be at most a quarter of Agent:Outbox:MaxBytes ({options.MaxBytes}), so one event cannot empty the outbox");
        }

        if (options.RetryMinDelay > options.RetryMaxDelay)
        {
            errors.Add($"Agent:Outbox:RetryMinDelay ({options.RetryMinDelay}) must not exceed Agent:Outbox:RetryMaxDelay ({options.RetryMaxDelay})");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
