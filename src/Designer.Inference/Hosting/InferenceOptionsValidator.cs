using Microsoft.Extensions.Options;

namespace Designer.Inference.Hosting;

/// <summary>Rejects unusable <see cref="InferenceOptions"/> at start (ValidateOnStart), with every problem listed.</summary>
internal sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBatchSize < 1)
        {
            failures.Add($"{InferenceOptions.SectionName}:MaxBatchSize must be at least 1.");
        }

        if (options.MaxBatchWaitMs < 0)
        {
            failures.Add($"{InferenceOptions.SectionName}:MaxBatchWaitMs must not be negative.");
        }

        if (options.QueueCapacity < 1)
        {
            failures.Add($"{InferenceOptions.SectionName}:QueueCapacity must be at least 1.");
        }

        if (options.RequestTimeoutMs < 1)
        {
            failures.Add($"{InferenceOptions.SectionName}:RequestTimeoutMs must be at least 1.");
        }

        if (options.CudaDeviceId < 0)
        {
            failures.Add($"{InferenceOptions.SectionName}:CudaDeviceId must not be negative.");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{InferenceOptions.SectionName}:DataDirectory is required.");
        }

        foreach (var id in options.PretrainedModels.Where(id => Pretrained.PretrainedModels.Find(id) is null))
        {
            failures.Add($"{InferenceOptions.SectionName}:PretrainedModels: '{id}' is not a known pretrained model "
                + $"({string.Join(", ", Pretrained.PretrainedModels.All.Select(m => m.Id))}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
