using System.Text.Json.Nodes;
using Designer.Persistence.Audit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>
/// <see cref="IRunVault"/> over the <c>RunVaultEntries</c> table. Values are encrypted with ASP.NET Core Data
/// Protection under a purpose per run; the key ring lives in the database (encrypted by the web host), so every host
/// can read every run's vault, and deleting a run's entries shreds its values.
/// </summary>
public sealed class RunVault : IRunVault
{
    private const string Purpose = "Designer.RunVault.v1";

    private readonly IDbContextFactory<DesignerDbContext> _contextFactory;
    private readonly IDataProtector _protector;
    private readonly IPiiDetector _detector;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the vault.</summary>
    /// <param name="protection">Encrypts the values.</param>
    /// <param name="detector">Finds sensitive values.</param>
    public RunVault(IDbContextFactory<DesignerDbContext> contextFactory, IDataProtectionProvider protection, IPiiDetector detector, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(protection);
        _contextFactory = contextFactory;
        _protector = protection.CreateProtector(Purpose);
        _detector = detector;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public async Task<string> DetokenizeJsonAsync(Guid runId, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!RunVaultTokens.ContainsToken(json))
        {
            return json;
        }

        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return (await OpenAsync(db, runId, readOnly: true, cancellationToken)).DetokenizeJson(json);
    }

    /// <inheritdoc />
    public async Task<string> DetokenizeTextAsync(Guid runId, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!RunVaultTokens.ContainsToken(text))
        {
            return text;
        }

        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return (await OpenAsync(db, runId, readOnly: true, cancellationToken)).DetokenizeText(text);
    }

    /// <inheritdoc />
    public async Task<RunVaultReveal> RevealAsync(Guid runId, string field, JsonNode value, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(actor);
        var stored = value.ToJsonString(RunVaultTokens.JsonOptions);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        var session = await OpenAsync(db, runId, readOnly: true, cancellationToken);
        if (RunVaultTokens.ContainsToken(stored) && !session.CanResolveAny(stored))
        {
            return new RunVaultReveal.Shredded();
        }

        await AuditChain.AppendAsync(db, actor, AuditActions.RunPiiRevealed, AuditActions.RunEntityType, runId.ToString("D"),
            new JsonObject { ["field"] = field }, Clock.UtcNow(_timeProvider), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RunVaultReveal.Revealed(session.Detokenize(value));
    }

    /// <summary>The vault of a run created on <paramref name="db"/> just now: it has no entries, so nothing is read.</summary>
    internal RunVaultSession OpenNew(DesignerDbContext db, Guid runId) =>
        new(db, runId, _protector.CreateProtector(runId.ToString("N")), _detector, [], Clock.UtcNow(_timeProvider));

    /// <summary>Loads the run's vault for a write (new values are added to <paramref name="db"/>) or a read.</summary>
    internal async Task<RunVaultSession> OpenAsync(DesignerDbContext db, Guid runId, bool readOnly, CancellationToken cancellationToken)
    {
        var entries = await db.RunVaultEntries.AsNoTracking().Where(e => e.RunId == runId).ToListAsync(cancellationToken);
        return new RunVaultSession(readOnly ? null : db, runId, _protector.CreateProtector(runId.ToString("N")), _detector, entries, Clock.UtcNow(_timeProvider));
    }
}
