using Microsoft.Extensions.Options;

namespace Designer.Web.Rollouts;

/// <summary>Checks <see cref="RolloutOptions"/> on start.</summary>
internal sealed class RolloutOptionsValidator : IValidateOptions<RolloutOptions>
{
    public ValidateOptionsResult Validate(string? name, RolloutOptions options) =>
        options.GuardInterval <= TimeSpan.Zero || options.GuardInterval > TimeSpan.FromHours(1)
            ? ValidateOptionsResult.Fail($"{RolloutOptions.SectionName}:GuardInterval must be positive and at most one hour.")
            : ValidateOptionsResult.Success;
}
