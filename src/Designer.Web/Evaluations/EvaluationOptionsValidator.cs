using Microsoft.Extensions.Options;

namespace Designer.Web.Evaluations;

/// <summary>Checks <see cref="EvaluationOptions"/> and <see cref="GovernanceOptions"/> on start, listing every problem.</summary>
internal sealed class EvaluationOptionsValidator : IValidateOptions<EvaluationOptions>, IValidateOptions<GovernanceOptions>
{
    public ValidateOptionsResult Validate(string? name, EvaluationOptions options)
    {
        var problems = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero)
        {
            problems.Add($"{EvaluationOptions.SectionName}:PollInterval must be positive.");
        }

        if (options.MaxCasesPerDataset < 1)
        {
            problems.Add($"{EvaluationOptions.SectionName}:MaxCasesPerDataset must be at least 1.");
        }

        if (options.MaxRunsPerImport < 1)
        {
            problems.Add($"{EvaluationOptions.SectionName}:MaxRunsPerImport must be at least 1.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public ValidateOptionsResult Validate(string? name, GovernanceOptions options) =>
        options.MinEvaluationCases < 1
            ? ValidateOptionsResult.Fail($"{GovernanceOptions.SectionName}:MinEvaluationCases must be at least 1.")
            : ValidateOptionsResult.Success;
}
