using System.Text.Json;
using Designer.Inference.Registry;
using Designer.Persistence;
using Microsoft.Extensions.Logging;

namespace Designer.Inference.ChatModels;

/// <summary>The one-time import of a host's old per-host chat-model folder.</summary>
public sealed partial class DatabaseChatModelRegistry
{
    /// <summary>
    /// Imports every version of the old folder that the database lacks (same id and version) with its status and
    /// reviewers as they were, and a <c>chat-model.imported</c> audit entry each. Idempotent: versions already in the
    /// database are left as they are.
    /// </summary>
    /// <returns>How many versions were imported.</returns>
    public async Task<int> ImportLegacyFolderAsync(CancellationToken cancellationToken)
    {
        if (_legacyFolder is not { } folder || !Directory.Exists(folder))
        {
            return 0;
        }

        using var legacy = new FileChatModelRegistry(folder, _timeProvider, _options);
        var imported = await LegacyFolderImport.ImportMissingAsync(
            (await _rows.ListAsync(null, cancellationToken)).Select(r => (r.ModelId, r.Version)),
            await legacy.ListAsync(cancellationToken),
            v => (v.Id, v.Version),
            (v, token) => ImportOneAsync(v, folder, token),
            cancellationToken);
        if (imported > 0)
        {
            LogImported(_logger, imported, folder);
        }

        return imported;
    }

    private async Task<bool> ImportOneAsync(ChatModelVersion version, string folder, CancellationToken cancellationToken)
    {
        if (!ChatModelRules.IsSafeId(version.Id))
        {
            return false;
        }

        var record = new ChatModelVersionRecord(
            version.Id,
            version.Version,
            version.Status.ToString(),
            version.RegisteredBy,
            version.CreatedAt,
            version.StatusChangedBy,
            version.StatusChangedAt,
            JsonSerializer.Serialize(version, ModelDescriptorJson.Options));
        var data = Describe(version);
        data["status"] = version.Status.ToString();
        data["from"] = folder;
        var entry = new AuditDraft(new Actor(ImportActor, "Chat-model import"), "chat-model.imported", EntityType, version.Reference, data);
        return await _rows.ImportAsync(record, entry, cancellationToken);
    }

    private Task EnsureImportedAsync(CancellationToken cancellationToken) => _import.EnsureAsync(ImportLegacyFolderAsync, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Count} chat-model versions from the old per-host folder {Folder} into the shared registry")]
    private static partial void LogImported(ILogger logger, int count, string folder);
}
