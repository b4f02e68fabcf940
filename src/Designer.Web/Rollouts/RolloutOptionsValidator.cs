using Microsoft.Extensions.Options;

namespace Designer.Web.Rollouts;

/// <summary>Checks <see cref="RolloutOptions"/> on start, listing every problem.</summary>
internal sealed class RolloutOptionsValidator : IValidateOptions<RolloutOptions>
{
    public ValidateOptionsResult Validate(string? name, RolloutOptions options)
    {
        var problems = new List<string>();
        var section = RolloutOptions.SectionName;
        if (options.GuardInterval <= TimeSpan.Zero || options.GuardInterval > TimeSpan.FromHours(1))
        {
            problems.Add($"{section}:GuardInterval must be positive and at most one hour.");
        }

        if (options.ShadowQueueCapacity is < 1 or > 1_000_000)
        {
            problems.Add($"{section}:ShadowQueueCapacity must be between 1 and 1,000,000.");
        }

        if (options.ShadowLease < TimeSpan.FromSeconds(1) || options.ShadowLease > TimeSpan.FromHours(1))
        {
            problems.Add($"{section}:ShadowLease must be between one second and one hour.");
        }

        if (options.ShadowPollInterval <= TimeSpan.Zero || options.ShadowPollInterval > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{section}:ShadowPollInterval must be positive and at most ten minutes.");
        }

        if (options.ShadowMaxAttempts is < 1 or > 100)
        {
            problems.Add($"{section}:ShadowMaxAttempts must be between 1 and 100.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
