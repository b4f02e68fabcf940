using Microsoft.Extensions.Options;

namespace Designer.Persistence.Storage;

/// <summary>Rejects an unknown provider or a PostgreSQL configuration without a connection string.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!options.IsSqlite && !options.IsPostgreSql)
        {
            return ValidateOptionsResult.Fail(
                $"{StorageOptions.SectionName}:Provider is '{options.Provider}'; supported values are '{StorageOptions.Sqlite}' and '{StorageOptions.PostgreSql}'.");
        }

        if (options.IsPostgreSql && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{StorageOptions.SectionName}:ConnectionString is required when {StorageOptions.SectionName}:Provider is '{StorageOptions.PostgreSql}'.");
        }

        if (options.SqliteBusyTimeout < TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail($"{StorageOptions.SectionName}:SqliteBusyTimeout must not be negative.");
        }

        return ValidateOptionsResult.Success;
    }
}
