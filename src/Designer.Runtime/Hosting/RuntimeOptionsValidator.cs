using Microsoft.Extensions.Options;

namespace Designer.Runtime.Hosting;

/// <summary>Rejects unusable <see cref="RuntimeOptions"/> at start.</summary>
internal sealed class RuntimeOptionsValidator : IValidateOptions<RuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, RuntimeOptions options)
    {
        var problems = new List<string>();
        if (options.MaxConcurrentRuns is < 1 or > 256)
        {
            problems.Add($"{RuntimeOptions.SectionName}:MaxConcurrentRuns must be between 1 and 256.");
        }

        if (options.MaxQueuedRuns is < 1 or > 1_000_000)
        {
            problems.Add($"{RuntimeOptions.SectionName}:MaxQueuedRuns must be between 1 and 1000000.");
        }

        if (options.DrainTimeout < TimeSpan.Zero || options.DrainTimeout > TimeSpan.FromMinutes(5))
        {
            problems.Add($"{RuntimeOptions.SectionName}:DrainTimeout must be between 0 and 5 minutes.");
        }

        if (options.TraceStreamPollInterval < TimeSpan.FromMilliseconds(10) || options.TraceStreamPollInterval > TimeSpan.FromSeconds(10))
        {
            problems.Add($"{RuntimeOptions.SectionName}:TraceStreamPollInterval must be between 10 ms and 10 s.");
        }

        if (options.RecoverySweepInterval < TimeSpan.FromSeconds(1) || options.RecoverySweepInterval > TimeSpan.FromHours(1))
        {
            problems.Add($"{RuntimeOptions.SectionName}:RecoverySweepInterval must be between 1 second and 1 hour.");
        }

        if (options.SlaCheckInterval < TimeSpan.FromSeconds(1) || options.SlaCheckInterval > TimeSpan.FromHours(1))
        {
            problems.Add($"{RuntimeOptions.SectionName}:SlaCheckInterval must be between 1 second and 1 hour.");
        }

        if (!string.IsNullOrWhiteSpace(options.GrainCallKey) && !IsKey(options.GrainCallKey))
        {
            // The value is a secret: the message never quotes it.
            problems.Add($"{RuntimeOptions.SectionName}:GrainCallKey must be base64 of at least 32 bytes.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Whether <paramref name="key"/> is base64 of at least 32 bytes.</summary>
    internal static bool IsKey(string key)
    {
        var bytes = new byte[key.Length];
        return Convert.TryFromBase64String(key, bytes, out var length) && length >= 32;
    }
}
