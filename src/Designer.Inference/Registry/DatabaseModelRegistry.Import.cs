using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Persistence;
using Microsoft.Extensions.Logging;

namespace Designer.Inference.Registry;

/// <summary>The one-time import of a host's old per-host model folder.</summary>
public sealed partial class DatabaseModelRegistry
{
    /// <summary>
    /// Imports every version of the old folder that the database lacks (same id and version), with its files copied
    /// into the shared store after their hash is verified and a <c>model.imported</c> audit entry each. Idempotent:
    /// versions already in the database are left as they are; a version whose file fails verification is skipped.
    /// </summary>
    /// <returns>How many versions were imported.</returns>
    public async Task<int> ImportLegacyFolderAsync(CancellationToken cancellationToken)
    {
        if (_legacyFolder is not { } folder || !Directory.Exists(folder))
        {
            return 0;
        }

        using var legacy = new FileModelRegistry(folder, _timeProvider);
        var imported = await LegacyFolderImport.ImportMissingAsync(
            (await _rows.ListAsync(null, cancellationToken)).Select(r => (r.ModelId, r.Version)),
            await legacy.ListAsync(cancellationToken),
            d => (d.Id, d.Version),
            (d, token) => ImportOneAsync(legacy, d, folder, token),
            cancellationToken);
        if (imported > 0)
        {
            Invalidate();
            LogImported(_logger, imported, folder);
        }

        return imported;
    }

    private async Task<bool> ImportOneAsync(FileModelRegistry legacy, ModelDescriptor descriptor, string folder, CancellationToken cancellationToken)
    {
        byte[] model;
        byte[]? vocabulary;
        try
        {
            model = await legacy.ReadModelAsync(descriptor, cancellationToken);
            vocabulary = descriptor.TextEncoder is null ? null : await ModelVocabulary.ReadAsync(descriptor, cancellationToken);
        }
        catch (Exception ex) when (ex is ModelIntegrityException or IOException)
        {
            LogImportSkipped(_logger, descriptor.Id, descriptor.Version, ex.Message);
            return false;
        }

        await _files.StoreAsync(model, vocabulary, cancellationToken);
        var record = new ModelVersionRecord(
            descriptor.Id,
            descriptor.Version,
            descriptor.Status.ToString(),
            descriptor.Sha256,
            descriptor.TrainedBy,
            descriptor.CreatedAt,
            descriptor.StatusChangedBy,
            descriptor.StatusChangedAt,
            JsonSerializer.Serialize(descriptor with { OnnxPath = string.Empty }, ModelDescriptorJson.Options));
        var data = new JsonObject
        {
            ["model"] = descriptor.Id,
            ["version"] = descriptor.Version,
            ["status"] = descriptor.Status.ToString(),
            ["trainedBy"] = descriptor.TrainedBy,
            ["sha256"] = descriptor.Sha256,
            ["from"] = folder,
        };
        var entry = new AuditDraft(new Actor(ImportActor, "Model import"), "model.imported", EntityType, EntityId(descriptor.Id, descriptor.Version), data);
        return await _rows.ImportAsync(record, entry, cancellationToken);
    }

    private Task EnsureImportedAsync(CancellationToken cancellationToken) => _import.EnsureAsync(ImportLegacyFolderAsync, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Count} model versions from the old per-host folder {Folder} into the shared registry")]
    private static partial void LogImported(ILogger logger, int count, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {ModelId} v{Version} of the old per-host folder was not imported: {Reason}")]
    private static partial void LogImportSkipped(ILogger logger, string modelId, int version, string reason);
}
