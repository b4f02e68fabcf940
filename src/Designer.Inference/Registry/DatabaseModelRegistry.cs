using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Hosting;
using Designer.Persistence;
using Microsoft.Extensions.Logging;

namespace Designer.Inference.Registry;

/// <summary>
/// The registry shared by every host (issue 14): descriptors and lifecycle are rows of the Designer database
/// (<see cref="IModelVersionStore"/>), model files sit in the shared <see cref="ContentAddressedModelStore"/> and are
/// verified by hash when read. Every change writes its <c>model.*</c> audit entry in the same transaction as the row.
/// On first use it imports, once per process and idempotently, the versions of the old per-host folder
/// (<c>&lt;DataDirectory&gt;/models</c>), so an upgraded install keeps its models.
/// </summary>
/// <remarks>
/// The whole registry is cached for <see cref="FileModelRegistry.CacheTtl"/>, as the file registry did: the serving hot
/// path asks for the latest approved version on every call. This instance's writes invalidate at once; another host's
/// are seen within the TTL.
/// </remarks>
public sealed partial class DatabaseModelRegistry : IAuditedModelRegistry, IDisposable
{
    /// <summary>The audit entity type of model versions.</summary>
    public const string EntityType = "model";

    /// <summary>The actor of the one-time import of a host's old model folder.</summary>
    public const string ImportActor = "system:model-import";

    private readonly IModelVersionStore _rows;
    private readonly ContentAddressedModelStore _files;
    private readonly string? _legacyFolder;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly LegacyFolderImport _import = new();

    // One immutable snapshot behind a reference, so readers never see half of an update; the generation keeps a read
    // that started before this instance's write from caching what it read.
    private volatile CacheEntry? _cache;
    private long _generation;

    /// <summary>Creates the registry.</summary>
    /// <param name="files">The shared model store.</param>
    /// <param name="legacyFolder">The old per-host registry folder to import from, or null.</param>
    public DatabaseModelRegistry(IModelVersionStore rows, ContentAddressedModelStore files, string? legacyFolder, TimeProvider timeProvider, ILogger<DatabaseModelRegistry> logger)
    {
        _rows = rows ?? throw new ArgumentNullException(nameof(rows));
        _files = files ?? throw new ArgumentNullException(nameof(files));
        _legacyFolder = legacyFolder;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ModelDescriptor>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureImportedAsync(cancellationToken);
        if (_cache is { } cached && _timeProvider.GetElapsedTime(cached.LoadedAt) < FileModelRegistry.CacheTtl)
        {
            return cached.Versions;
        }

        var generation = Interlocked.Read(ref _generation);
        var loadedAt = _timeProvider.GetTimestamp();
        var versions = (await _rows.ListAsync(null, cancellationToken)).Select(ToDescriptor).ToList();
        if (Interlocked.Read(ref _generation) == generation)
        {
            _cache = new CacheEntry(loadedAt, versions);
        }

        return versions;
    }

    /// <inheritdoc />
    public async Task<ModelDescriptor?> GetAsync(string id, int? version, CancellationToken cancellationToken)
    {
        FileModelRegistry.ValidateId(id);
        var versions = (await ListAsync(cancellationToken)).Where(d => d.Id == id);
        return version is { } v
            ? versions.FirstOrDefault(d => d.Version == v)
            : versions.LastOrDefault(d => d.Status == ModelStatus.Approved);
    }

    /// <inheritdoc />
    public Task<ModelDescriptor> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken) =>
        RegisterAsync(registration, d => new ModelAuditEntry(d.TrainedBy, d.TrainedBy, "model.registered", new JsonObject
        {
            ["model"] = d.Id,
            ["version"] = d.Version,
            ["status"] = d.Status.ToString(),
            ["kind"] = d.Kind.ToString(),
            ["sha256"] = d.Sha256,
        }), cancellationToken);

    /// <inheritdoc />
    public async Task<ModelDescriptor> RegisterAsync(ModelRegistration registration, Func<ModelDescriptor, ModelAuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(audit);
        FileModelRegistry.ValidateId(registration.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.TrainedBy);
        await EnsureImportedAsync(cancellationToken);
        var read = registration.Read();

        // The file first: a row never points at bytes no host has. A file without a row is harmless (unreferenced).
        var sha256 = await _files.StoreAsync(read.Model, read.Vocabulary, cancellationToken);
        var template = registration.Describe(read, 0, ModelStatus.PendingApproval, string.Empty, sha256, _timeProvider.GetUtcNow());
        var row = new NewModelVersion(
            registration.Id,
            nameof(ModelStatus.PendingApproval),
            registration.IsBootstrap ? nameof(ModelStatus.Approved) : null,
            sha256,
            registration.TrainedBy,
            template.CreatedAt,
            JsonSerializer.Serialize(template, ModelDescriptorJson.Options));
        try
        {
            var stored = await _rows.AddAsync(row, record => ToDraft(record.ModelId, record.Version, audit(ToDescriptor(record))), cancellationToken);
            return ToDescriptor(stored);
        }
        finally
        {
            Invalidate();
        }
    }

    /// <inheritdoc />
    public async Task<ModelDescriptor> SetStatusAsync(string id, int version, ModelStatus status, string changedBy, CancellationToken cancellationToken)
    {
        FileModelRegistry.ValidateId(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        await EnsureImportedAsync(cancellationToken);
        var current = (await _rows.ListAsync(id, cancellationToken)).FirstOrDefault(r => r.Version == version)
            ?? throw new ModelNotFoundException($"Model '{id}' has no version {version}.");
        if (ParseStatus(current.Status) == status)
        {
            // Nothing changes, so nothing is recorded.
            return ToDescriptor(current);
        }

        var audit = new ModelAuditEntry(changedBy, changedBy, ActionOf(status), new JsonObject { ["model"] = id, ["version"] = version, ["status"] = status.ToString() });
        return await ChangeAsync(id, version, null, status, audit, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ModelDescriptor> SetStatusAsync(string id, int version, ModelStatus expected, ModelStatus status, ModelAuditEntry audit, CancellationToken cancellationToken)
    {
        FileModelRegistry.ValidateId(id);
        ArgumentNullException.ThrowIfNull(audit);
        return ChangeAsync(id, version, expected, status, audit, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<byte[]> ReadModelAsync(ModelDescriptor descriptor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        FileModelRegistry.ValidateId(descriptor.Id);
        return await _files.ReadVerifiedAsync(descriptor.Sha256, $"'{descriptor.Id}' v{descriptor.Version}", cancellationToken);
    }

    /// <summary>The audit action of a status change.</summary>
    /// <returns>E.g. <c>model.approved</c>.</returns>
    public static string ActionOf(ModelStatus status) => status switch
    {
        ModelStatus.Approved => "model.approved",
        ModelStatus.Rejected => "model.rejected",
        ModelStatus.Retired => "model.retired",
        _ => "model.status-changed",
    };

    /// <summary>The audit entity id of a version, <c>&lt;id&gt;/v&lt;version&gt;</c> (as the web layer writes it).</summary>
    /// <param name="id">Model id.</param>
    public static string EntityId(string id, int version) => $"{id}/v{version.ToString(CultureInfo.InvariantCulture)}";

    private async Task<ModelDescriptor> ChangeAsync(string id, int version, ModelStatus? expected, ModelStatus status, ModelAuditEntry audit, CancellationToken cancellationToken)
    {
        await EnsureImportedAsync(cancellationToken);
        try
        {
            var result = await _rows.ChangeStatusAsync(id, version, status.ToString(), audit.ActorId, record =>
            {
                var current = ToDescriptor(record);
                if (expected is { } e && current.Status != e)
                {
                    return $"Model '{id}' v{version} is {current.Status}, not {e}.";
                }

                try
                {
                    FileModelRegistry.EnsureTransitionAllowed(current, status);
                    return null;
                }
                catch (InvalidOperationException ex)
                {
                    return ex.Message;
                }
            }, record => ToDraft(id, version, audit), cancellationToken);
            return result switch
            {
                { IsSuccess: true } => ToDescriptor(result.Value),
                { Error.Kind: OperationErrorKind.NotFound } => throw new ModelNotFoundException(result.Error.Detail),
                _ => throw new InvalidOperationException(result.Error!.Detail),
            };
        }
        finally
        {
            Invalidate();
        }
    }

    private ModelDescriptor ToDescriptor(ModelVersionRecord record)
    {
        var stored = JsonSerializer.Deserialize<ModelDescriptor>(record.DescriptorJson, ModelDescriptorJson.Options)
            ?? throw new InvalidDataException($"Model '{record.ModelId}' v{record.Version} has an empty descriptor.");

        // The columns are the truth for everything that changes or identifies; the path is this host's view of the store.
        return stored with
        {
            Id = record.ModelId,
            Version = record.Version,
            Status = ParseStatus(record.Status),
            Sha256 = record.Sha256,
            TrainedBy = record.TrainedBy,
            CreatedAt = record.CreatedAt,
            StatusChangedBy = record.StatusChangedBy,
            StatusChangedAt = record.StatusChangedAt,
            OnnxPath = _files.ModelPath(record.Sha256),
        };
    }

    private void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _cache = null;
    }

    private static ModelStatus ParseStatus(string status) => Enum.Parse<ModelStatus>(status);

    private static AuditDraft ToDraft(string id, int version, ModelAuditEntry entry) =>
        new(new Actor(entry.ActorId, entry.ActorName), entry.Action, EntityType, EntityId(id, version), entry.Data);

    /// <inheritdoc />
    public void Dispose() => _import.Dispose();

    private sealed record CacheEntry(long LoadedAt, IReadOnlyList<ModelDescriptor> Versions);
}
