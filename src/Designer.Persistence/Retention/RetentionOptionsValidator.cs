using Microsoft.Extensions.Options;

namespace Designer.Persistence;

/// <summary>Refuses a start with a retention period or sweep that cannot work, naming every problem.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var problems = new List<string>();
        if (options.RunPayloadDays is < 0 or > 36_500)
        {
            problems.Add($"{RetentionOptions.SectionName}:RunPayloadDays must be between 0 (keep forever) and 36500 days; it is {options.RunPayloadDays}.");
        }

        if (options.SweepInterval < TimeSpan.FromSeconds(1) || options.SweepInterval > TimeSpan.FromDays(1))
        {
            problems.Add($"{RetentionOptions.SectionName}:SweepInterval must be between 1 second and 1 day; it is {options.SweepInterval}.");
        }

        if (options.BatchSize is < 1 or > 1_000)
        {
            problems.Add($"{RetentionOptions.SectionName}:BatchSize must be between 1 and 1000; it is {options.BatchSize}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
