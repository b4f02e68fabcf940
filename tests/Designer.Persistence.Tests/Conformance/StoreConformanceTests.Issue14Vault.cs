using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Designer.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Tests.Conformance;

/// <summary>Issue 14 item 1: the run vault, on SQLite and PostgreSQL.</summary>
public abstract partial class StoreConformanceTests
{
    private const string Email = "jane.doe@example.com";
    private const string Secret = "customer-secret-42";

    [Fact]
    public async Task CreateRunAndWrites_Issue14StorageVault_RowsHoldTokensAndVaultRestoresValues()
    {
        // Arrange
        var storage = Storage;
        var (store, vault) = VaultStore(storage);
        var created = await CreateAsync(storage, "Vault " + Guid.NewGuid().ToString("N")[..6]);
        var input = new JsonObject { ["email"] = Email, ["note"] = $"Write to {Email}.", ["card"] = 4111111111111111 };

        // Act
        var run = await store.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", input.ToJsonString(), "host"), Alice, Ct);
        await store.AppendCheckpointAsync(run.Id, new RunCheckpointRecord("c1", null, input.ToJsonString(), DateTimeOffset.UtcNow), Ct);
        await store.AppendTraceAsync(run.Id, "node.completed", "start", input.ToJsonString(), DateTimeOffset.UtcNow, Ct);
        await store.TransitionAsync(run.Id, [RunStatus.Running], new RunTransition(RunStatus.Faulted, Error: $"No reply from {Email}."), Ct);
        var raw = await RawRunRowsAsync(storage, run.Id);
        var stored = (await store.GetRunAsync(run.Id, Ct))!;
        var checkpoint = (await store.GetCheckpointAsync(run.Id, "c1", Ct))!;

        // Assert
        Assert.DoesNotContain(Email, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("4111111111111111", raw, StringComparison.Ordinal);
        Assert.True(RunVaultTokens.ContainsToken(stored.InputJson));
        Assert.True(JsonNode.DeepEquals(input, JsonNode.Parse(await vault.DetokenizeJsonAsync(run.Id, checkpoint.Json, Ct))));
        Assert.Equal($"No reply from {Email}.", await vault.DetokenizeTextAsync(run.Id, stored.Error!, Ct));

        // The same value in one run has one token wherever it is stored.
        var tokens = Regex.Matches(raw, "«email:[a-z]{12}»").Select(m => m.Value).Distinct().ToList();
        Assert.Single(tokens);
    }

    [Fact]
    public async Task Write_Issue14StorageVault_CopyOfAVaultedValueIsTokenisedWhereNoDetectorLooks()
    {
        // Arrange: the detector finds the secret only as a whole value (like a field-path rule); a copy inside other text is found by taint.
        var storage = Storage;
        var (store, vault) = VaultStore(storage, new WholeValueDetector(Secret));
        var created = await CreateAsync(storage, "Taint " + Guid.NewGuid().ToString("N")[..6]);
        var run = await store.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", new JsonObject { ["account"] = Secret }.ToJsonString(), "host"), Alice, Ct);

        // Act: an expression copied the value into another field of a node output.
        var copied = new JsonObject { ["summary"] = $"Account {Secret} disputed." }.ToJsonString();
        await store.TransitionAsync(run.Id, [RunStatus.Running], new RunTransition(RunStatus.Completed, copied), Ct);
        var raw = await RawRunRowsAsync(storage, run.Id);
        var output = (await store.GetRunAsync(run.Id, Ct))!.OutputJson!;

        // Assert
        Assert.DoesNotContain(Secret, raw, StringComparison.Ordinal);
        Assert.Equal(copied, await vault.DetokenizeJsonAsync(run.Id, output, Ct));
    }

    [Fact]
    public async Task Reveal_Issue14StorageVault_AuditedOnceAndShreddedEntriesAnswerShredded()
    {
        // Arrange
        var storage = await IsolatedAsync();
        var (store, vault) = VaultStore(storage);
        var created = await CreateAsync(storage);
        var run = await store.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", new JsonObject { ["email"] = Email }.ToJsonString(), "host"), Alice, Ct);
        var stored = JsonNode.Parse((await store.GetRunAsync(run.Id, Ct))!.InputJson)!["email"]!;

        // Act
        var revealed = await vault.RevealAsync(run.Id, "input.email", stored, Bob, Ct);
        var reveals = await CountRevealsAsync(storage, run.Id);
        await using (var db = await storage.Contexts.CreateDbContextAsync(Ct))
        {
            await db.RunVaultEntries.Where(e => e.RunId == run.Id).ExecuteDeleteAsync(Ct);
        }

        var afterShredding = await vault.RevealAsync(run.Id, "input.email", stored, Bob, Ct);
        var verification = await storage.Audit.VerifyAsync(Ct);

        // Assert
        Assert.Equal(Email, Assert.IsType<RunVaultReveal.Revealed>(revealed).Value!.GetValue<string>());
        Assert.Equal(1, reveals);
        Assert.IsType<RunVaultReveal.Shredded>(afterShredding);
        Assert.Equal(1, await CountRevealsAsync(storage, run.Id));
        Assert.True(verification.IsValid);
    }

    private static (RunStore Store, RunVault Vault) VaultStore(TestStorage storage, IPiiDetector? detector = null)
    {
        var vault = new RunVault(storage.Contexts, new EphemeralDataProtectionProvider(), detector ?? new EmailAndCardDetector(), TimeProvider.System);
        return (new RunStore(storage.Contexts, TimeProvider.System, vault), vault);
    }

    /// <summary>Every stored column of the run's rows (run, checkpoints, trace, tasks), as plain SQL reads them.</summary>
    private static async Task<string> RawRunRowsAsync(TestStorage storage, Guid runId)
    {
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        var texts = new List<string>();
        texts.AddRange(await db.Runs.AsNoTracking().Where(r => r.Id == runId).Select(r => r.InputJson + "|" + (r.OutputJson ?? string.Empty) + "|" + (r.Error ?? string.Empty)).ToListAsync(Ct));
        texts.AddRange(await db.RunCheckpoints.AsNoTracking().Where(c => c.RunId == runId).Select(c => c.Json).ToListAsync(Ct));
        texts.AddRange(await db.TraceEvents.AsNoTracking().Where(e => e.RunId == runId).Select(e => e.Json).ToListAsync(Ct));
        texts.AddRange(await db.RunVaultEntries.AsNoTracking().Where(e => e.RunId == runId).Select(e => e.ProtectedValue).ToListAsync(Ct));
        return string.Join("\n", texts);
    }

    private static async Task<int> CountRevealsAsync(TestStorage storage, Guid runId)
    {
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        return await db.AuditEntries.CountAsync(e => e.Action == AuditActions.RunPiiRevealed && e.EntityId == runId.ToString("D"), Ct);
    }

    /// <summary>E-mails and 16-digit numbers: enough to drive the vault (the product's detectors live in the runtime).</summary>
    private sealed partial class EmailAndCardDetector : IPiiDetector
    {
        public string Replace(string text, Func<string, string, string> replace)
        {
            var result = EmailPattern().Replace(text, m => replace("email", m.Value));
            return CardPattern().Replace(result, m => replace("card", m.Value));
        }

        [GeneratedRegex(@"[a-z.]+@[a-z.]+\.[a-z]{2,}", RegexOptions.CultureInvariant, 200)]
        private static partial Regex EmailPattern();

        [GeneratedRegex(@"\b\d{16}\b", RegexOptions.CultureInvariant, 200)]
        private static partial Regex CardPattern();
    }

    private sealed class WholeValueDetector(string value) : IPiiDetector
    {
        public string Replace(string text, Func<string, string, string> replace) =>
            string.Equals(text, value, StringComparison.Ordinal) ? replace("account", text) : text;
    }
}
