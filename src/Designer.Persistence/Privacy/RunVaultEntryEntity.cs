namespace Designer.Persistence;

/// <summary>
/// EF Core row for one sensitive value of a run: the token that replaces it in every stored row of the run, and the
/// value encrypted with the run's data-protection purpose. Deleting the row shreds the value (retention).
/// </summary>
public sealed class RunVaultEntryEntity
{
    /// <summary>Run whose values this entry holds; the vault is per run.</summary>
    public Guid RunId { get; set; }

    /// <summary>The token's id (lower-case letters, so no detector ever matches a token).</summary>
    public string TokenId { get; set; } = string.Empty;

    /// <summary>What was found: <c>email</c>, <c>iban</c>, <c>card</c> or <c>phone</c>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The value, encrypted (ASP.NET Core Data Protection, purpose per run).</summary>
    public string ProtectedValue { get; set; } = string.Empty;

    /// <summary>True when the value was a JSON number (a card number typed as a number), so it is restored as one.</summary>
    public bool IsNumber { get; set; }

    /// <summary>When the value was first seen (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
