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
        if (_legacyFolder is null || !Directory.Exists(_legacyFolder))
        {
            return 0;
        }

        using var legacy = new FileChatModelRegistry(_legacyFolder, _timeProvider, _options);
        var existing = (await _rows.ListAsync(null, cancellationToken)).Select(r => (r.ModelId, r.Version)).ToHashSet();
        var imported = 0;
        foreach (var version in await legacy.ListAsync(cancellationToken))
        {
            if (existing.Contains((version.Id, version.Version)) || !ChatModelRules.IsSafeId(version.Id))
            {
                continue;
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
            data["from"] = _legacyFolder;
            var entry = new AuditDraft(new Actor(ImportActor, "Chat-model import"), "chat-model.imported", EntityType, version.Reference, data);
            if (await _rows.ImportAsync(record, entry, cancellationToken))
            {
                imported++;
            }
        }

        if (imported > 0)
        {
            LogImported(_logger, imported, _legacyFolder);
        }

        return imported;
    }

    private async Task EnsureImportedAsync(CancellationToken cancellationToken)
    {
        if (_imported)
        {
            return;
        }

        await _importLock.WaitAsync(cancellationToken);
        try
        {
            if (!_imported)
            {
                await ImportLegacyFolderAsync(cancellationToken);
                _imported = true;
            }
        }
        finally
        {
            _importLock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Count} chat-model versions from the old per-host folder {Folder} into the shared registry")]
    private static partial void LogImported(ILogger logger, int count, string folder);
}
