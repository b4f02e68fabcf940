using Microsoft.Extensions.Options;

namespace Designer.Web.Triggers;

/// <summary>Refuses a start with schedule settings that cannot work, naming every problem.</summary>
internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var problems = new List<string>();
        if (options.PollInterval < TimeSpan.FromSeconds(1) || options.PollInterval > TimeSpan.FromHours(1))
        {
            problems.Add($"{ScheduleOptions.SectionName}:PollInterval must be between 1 second and 1 hour; it is {options.PollInterval}.");
        }

        if (options.MaxCatchUp is < 1 or > 1_000)
        {
            problems.Add($"{ScheduleOptions.SectionName}:MaxCatchUp must be between 1 and 1000; it is {options.MaxCatchUp}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
