using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Designer.Persistence;

/// <summary>Refuses a start with a signing key or checkpoint schedule that cannot work, naming every problem.</summary>
internal sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.SigningKeyPem))
        {
            try
            {
                using var key = ECDsa.Create();
                key.ImportFromPem(options.SigningKeyPem);
                if (key.KeySize != 256)
                {
                    problems.Add($"{AuditOptions.SectionName}:SigningKeyPem must be an ECDSA P-256 key; it has {key.KeySize} bits.");
                }
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                // Never echo the key: the message says what is wrong, not what was given.
                problems.Add($"{AuditOptions.SectionName}:SigningKeyPem is not a PEM-encoded ECDSA private key.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.SigningKeyFile))
        {
            problems.Add($"{AuditOptions.SectionName}:SigningKeyFile must not be blank.");
        }

        if (string.IsNullOrWhiteSpace(options.CheckpointFile))
        {
            problems.Add($"{AuditOptions.SectionName}:CheckpointFile must not be blank.");
        }

        if (options.CheckpointInterval != TimeSpan.Zero &&
            (options.CheckpointInterval < TimeSpan.FromSeconds(1) || options.CheckpointInterval > TimeSpan.FromDays(7)))
        {
            problems.Add($"{AuditOptions.SectionName}:CheckpointInterval must be zero (off) or between 1 second and 7 days; it is {options.CheckpointInterval}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
