using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Hosting;
using Designer.Inference.Registry;
using Designer.Persistence;
using Microsoft.Extensions.Logging;

namespace Designer.Inference.ChatModels;

/// <summary>
/// The chat-model registry shared by every host (issue 14): versions are rows of the Designer database
/// (<see cref="IChatModelVersionStore"/>), and every register, approve, reject and retire writes its
/// <c>chat-model.*</c> audit entry in the same transaction as the row. The four-eyes rule and the allowed transitions
/// are checked on the row inside that transaction. On first use it imports, once per process and idempotently, the
/// old per-host folder (<c>&lt;DataDirectory&gt;/chat-models</c>).
/// </summary>
public sealed partial class DatabaseChatModelRegistry : IAuditedChatModelRegistry, IDisposable
{
    /// <summary>The audit entity type of chat-model versions (as the web layer has always written it).</summary>
    public const string EntityType = "chat-model";

    /// <summary>The actor of the one-time import of a host's old chat-model folder.</summary>
    public const string ImportActor = "system:chat-model-import";

    private readonly IChatModelVersionStore _rows;
    private readonly string? _legacyFolder;
    private readonly TimeProvider _timeProvider;
    private readonly ChatModelOptions _options;
    private readonly ILogger _logger;
    private readonly LegacyFolderImport _import = new();

    /// <summary>Creates the registry.</summary>
    /// <param name="legacyFolder">The old per-host folder to import from, or null.</param>
    /// <param name="options">Admin settings (allowed endpoints).</param>
    public DatabaseChatModelRegistry(
        IChatModelVersionStore rows, string? legacyFolder, TimeProvider timeProvider, ChatModelOptions options, ILogger<DatabaseChatModelRegistry> logger)
    {
        _rows = rows ?? throw new ArgumentNullException(nameof(rows));
        _legacyFolder = legacyFolder;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChatModelVersion>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureImportedAsync(cancellationToken);
        return [.. (await _rows.ListAsync(null, cancellationToken)).Select(ToVersion)];
    }

    /// <inheritdoc />
    public async Task<ChatModelVersion?> GetAsync(string id, int? version, CancellationToken cancellationToken)
    {
        if (!ChatModelRules.IsSafeId(id))
        {
            return null;
        }

        await EnsureImportedAsync(cancellationToken);
        var versions = (await _rows.ListAsync(id, cancellationToken)).Select(ToVersion).ToList();
        return version is { } v
            ? versions.FirstOrDefault(d => d.Version == v)
            : versions.LastOrDefault(d => d.Status == ModelStatus.Approved);
    }

    /// <inheritdoc />
    public Task<ChatModelVersion> RegisterAsync(ChatModelRegistration registration, CancellationToken cancellationToken) =>
        RegisterAsync(registration, v => new ModelAuditEntry(v.RegisteredBy, v.RegisteredBy, "chat-model.registered", Describe(v)), cancellationToken);

    /// <inheritdoc />
    public async Task<ChatModelVersion> RegisterAsync(ChatModelRegistration registration, Func<ChatModelVersion, ModelAuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(audit);
        ChatModelRules.ThrowIfInvalid(registration, _options);
        await EnsureImportedAsync(cancellationToken);
        var template = ChatModelRules.NewVersion(registration, 0, _timeProvider.GetUtcNow());
        var stored = await _rows.AddAsync(
            template.Id,
            nameof(ModelStatus.PendingApproval),
            template.RegisteredBy,
            template.CreatedAt,
            JsonSerializer.Serialize(template, ModelDescriptorJson.Options),
            record => ToDraft(audit(ToVersion(record)), record),
            cancellationToken);
        return ToVersion(stored);
    }

    /// <inheritdoc />
    public Task<ChatModelVersion> SetStatusAsync(string id, int version, ModelStatus status, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        return ChangeAsync(id, version, null, status, changedBy, v => new ModelAuditEntry(changedBy, changedBy, ActionOf(status), Describe(v)), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ChatModelVersion> SetStatusAsync(
        string id, int version, ModelStatus expected, ModelStatus status, string changedBy, Func<ChatModelVersion, ModelAuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        ArgumentNullException.ThrowIfNull(audit);
        return ChangeAsync(id, version, expected, status, changedBy, audit, cancellationToken);
    }

    /// <summary>The audit action of a status change, e.g. <c>chat-model.approved</c>.</summary>
    public static string ActionOf(ModelStatus status) => status switch
    {
        ModelStatus.Approved => "chat-model.approved",
        ModelStatus.Rejected => "chat-model.rejected",
        ModelStatus.Retired => "chat-model.retired",
        _ => "chat-model.status-changed",
    };

    /// <summary>What an audit entry records about a version (never a key: only the secret's name).</summary>
    /// <returns>The entry's data.</returns>
    public static JsonObject Describe(ChatModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new JsonObject
        {
            ["model"] = version.Id,
            ["version"] = version.Version,
            ["provider"] = version.Provider,
            ["endpoint"] = version.Endpoint,
            ["modelName"] = version.ModelName,
            ["apiKeySecret"] = version.ApiKeySecret,
            ["registeredBy"] = version.RegisteredBy,
        };
    }

    private async Task<ChatModelVersion> ChangeAsync(
        string id, int version, ModelStatus? expected, ModelStatus status, string changedBy, Func<ChatModelVersion, ModelAuditEntry> audit, CancellationToken cancellationToken)
    {
        if (!ChatModelRules.IsSafeId(id))
        {
            throw new ModelNotFoundException($"Chat model '{id}' has no version {version}.");
        }

        await EnsureImportedAsync(cancellationToken);
        var result = await _rows.ChangeStatusAsync(id, version, status.ToString(), changedBy,
            record => Refusal(ToVersion(record), expected, status, changedBy),
            record => ToDraft(audit(ToVersion(record)), record),
            cancellationToken);
        return result switch
        {
            { IsSuccess: true } => ToVersion(result.Value),
            { Error.Kind: OperationErrorKind.NotFound } => throw new ModelNotFoundException(result.Error.Detail),
            _ => throw new ChatModelGovernanceException([result.Error!.Detail]),
        };
    }

    /// <summary>The expected status, then the registries' one rule; null when the change may go ahead.</summary>
    private static string? Refusal(ChatModelVersion current, ModelStatus? expected, ModelStatus status, string changedBy) =>
        expected is { } e && current.Status != e
            ? $"Chat model {current.Reference} is {current.Status}, not {e}."
            : ChatModelRules.StatusRefusal(current, status, changedBy);

    private static ChatModelVersion ToVersion(ChatModelVersionRecord record)
    {
        var stored = JsonSerializer.Deserialize<ChatModelVersion>(record.VersionJson, ModelDescriptorJson.Options)
            ?? throw new InvalidDataException($"Chat model '{record.ModelId}' v{record.Version} has an empty row.");

        // The columns are the truth for everything that changes or identifies.
        return stored with
        {
            Id = record.ModelId,
            Version = record.Version,
            Status = Enum.Parse<ModelStatus>(record.Status),
            RegisteredBy = record.RegisteredBy,
            CreatedAt = record.CreatedAt,
            StatusChangedBy = record.StatusChangedBy,
            StatusChangedAt = record.StatusChangedAt,
        };
    }

    private static AuditDraft ToDraft(ModelAuditEntry entry, ChatModelVersionRecord record) =>
        new(new Actor(entry.ActorId, entry.ActorName), entry.Action, EntityType, $"{record.ModelId}@{record.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}", entry.Data);

    /// <inheritdoc />
    public void Dispose() => _import.Dispose();
}
