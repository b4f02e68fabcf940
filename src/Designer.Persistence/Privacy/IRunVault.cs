using System.Text.Json.Nodes;

namespace Designer.Persistence;

/// <summary>
/// The per-run vault of sensitive values. Stored rows of a run hold tokens (<see cref="RunVaultTokens"/>); the
/// running engine and the audited reveal turn them back into values.
/// </summary>
public interface IRunVault
{
    /// <summary>The JSON with every token of the run replaced by its value, for the engine (never for display).</summary>
    /// <param name="json">JSON text as stored.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The JSON with values; tokens whose value was shredded stay tokens.</returns>
    Task<string> DetokenizeJsonAsync(Guid runId, string json, CancellationToken cancellationToken);

    /// <summary>Plain text with every token of the run replaced by its value, for the engine (never for display).</summary>
    /// <param name="text">Text as stored.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The text with values.</returns>
    Task<string> DetokenizeTextAsync(Guid runId, string text, CancellationToken cancellationToken);

    /// <summary>
    /// Reveals <paramref name="value"/> (part of a stored row of the run) to <paramref name="actor"/>: the vault read
    /// and its <c>run.pii.revealed</c> audit entry are one transaction, so no value leaves without its entry.
    /// </summary>
    /// <param name="field">The field revealed (recorded in the audit entry).</param>
    /// <param name="value">The stored value (with tokens).</param>
    /// <param name="actor">Who reveals.</param>
    /// <returns>The value, or <see cref="RunVaultReveal.Shredded"/> when its tokens were purged by retention.</returns>
    Task<RunVaultReveal> RevealAsync(Guid runId, string field, JsonNode value, Actor actor, CancellationToken cancellationToken);
}
