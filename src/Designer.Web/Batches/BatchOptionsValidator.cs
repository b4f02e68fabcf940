using Microsoft.Extensions.Options;

namespace Designer.Web.Batches;

/// <summary>Checks <see cref="BatchOptions"/> on start, listing every problem.</summary>
internal sealed class BatchOptionsValidator : IValidateOptions<BatchOptions>
{
    public ValidateOptionsResult Validate(string? name, BatchOptions options)
    {
        var problems = new List<string>();
        if (options.MaxBodyBytes is < 1 or > Api.ApiJson.MaxBodyBytes)
        {
            problems.Add($"{BatchOptions.SectionName}:MaxBodyBytes must be between 1 and {Api.ApiJson.MaxBodyBytes}.");
        }

        if (options.MaxRows is < 1 or > 100_000)
        {
            problems.Add($"{BatchOptions.SectionName}:MaxRows must be between 1 and 100,000 (progress reads every row of a batch).");
        }

        if (options.MaxInFlightPerBatch < 1)
        {
            problems.Add($"{BatchOptions.SectionName}:MaxInFlightPerBatch must be at least 1.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            problems.Add($"{BatchOptions.SectionName}:PollInterval must be positive.");
        }

        if (options.MaxProblemsListed < 1)
        {
            problems.Add($"{BatchOptions.SectionName}:MaxProblemsListed must be at least 1.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
