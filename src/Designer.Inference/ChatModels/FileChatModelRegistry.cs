using System.Globalization;
using System.Text.Json;
using Designer.Inference.Registry;

namespace Designer.Inference.ChatModels;

/// <summary>
/// Chat-model versions as <c>&lt;root&gt;/&lt;id&gt;/&lt;version&gt;.json</c>, next to the ONNX registry's folder. A new
/// version is written to a temp file and moved into place without overwrite, so two writers cannot take the same
/// number; status changes replace the file by temp file + rename. Governance lives here, not only in the web layer,
/// so every caller gets the four-eyes rule.
/// </summary>
public sealed class FileChatModelRegistry : IChatModelRegistry, IDisposable
{
    private readonly string _root;
    private readonly TimeProvider _timeProvider;
    private readonly ChatModelOptions _options;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Creates the registry (the folder is created if missing).</summary>
    /// <param name="rootDirectory">Usually <c>&lt;dataDir&gt;/chat-models</c>.</param>
    /// <param name="options">Admin settings (allowed endpoints).</param>
    public FileChatModelRegistry(string rootDirectory, TimeProvider timeProvider, ChatModelOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        Directory.CreateDirectory(_root);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChatModelVersion>> ListAsync(CancellationToken cancellationToken)
    {
        var result = new List<ChatModelVersion>();
        foreach (var dir in Directory.EnumerateDirectories(_root).Order(StringComparer.Ordinal))
        {
            result.AddRange(await ReadVersionsAsync(Path.GetFileName(dir), cancellationToken));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<ChatModelVersion?> GetAsync(string id, int? version, CancellationToken cancellationToken)
    {
        if (!ChatModelRules.IsSafeId(id))
        {
            return null;
        }

        var versions = await ReadVersionsAsync(id, cancellationToken);
        return version is { } v
            ? versions.FirstOrDefault(d => d.Version == v)
            : versions.LastOrDefault(d => d.Status == ModelStatus.Approved);
    }

    /// <inheritdoc />
    public async Task<ChatModelVersion> RegisterAsync(ChatModelRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ChatModelRules.ThrowIfInvalid(registration, _options);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var dir = Path.Combine(_root, registration.Id);
            Directory.CreateDirectory(dir);
            var existing = Versions(registration.Id);
            var version = ChatModelRules.NewVersion(registration, existing.Count == 0 ? 1 : existing.Max() + 1, _timeProvider.GetUtcNow());
            await WriteAsync(FilePath(version.Id, version.Version), version, overwrite: false, cancellationToken);
            return version;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<ChatModelVersion> SetStatusAsync(string id, int version, ModelStatus status, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var current = (ChatModelRules.IsSafeId(id) ? await ReadAsync(FilePath(id, version), cancellationToken) : null)
                ?? throw new ModelNotFoundException($"Chat model '{id}' has no version {version}.");
            if (ChatModelRules.StatusRefusal(current, status, changedBy) is { } refusal)
            {
                throw new ChatModelGovernanceException([refusal]);
            }

            var updated = current with { Status = status, StatusChangedBy = changedBy, StatusChangedAt = _timeProvider.GetUtcNow() };
            await WriteAsync(FilePath(id, version), updated, overwrite: true, cancellationToken);
            return updated;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<List<ChatModelVersion>> ReadVersionsAsync(string id, CancellationToken cancellationToken)
    {
        var result = new List<ChatModelVersion>();
        foreach (var v in Versions(id).Order())
        {
            if (await ReadAsync(FilePath(id, v), cancellationToken) is { } version)
            {
                result.Add(version);
            }
        }

        return result;
    }

    private List<int> Versions(string id)
    {
        var dir = Path.Combine(_root, id);
        return !Directory.Exists(dir)
            ? []
            : Directory.EnumerateFiles(dir, "*.json")
                .Select(f => int.TryParse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .Where(v => v > 0)
                .ToList();
    }

    private static async Task<ChatModelVersion?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<ChatModelVersion>(stream, ModelDescriptorJson.Options, cancellationToken);
    }

    private static Task WriteAsync(string path, ChatModelVersion version, bool overwrite, CancellationToken cancellationToken) =>
        AtomicJsonFile.WriteAsync(path, version, ModelDescriptorJson.Options, overwrite, cancellationToken);

    private string FilePath(string id, int version) =>
        Path.Combine(_root, id, version.ToString(CultureInfo.InvariantCulture) + ".json");

    /// <inheritdoc />
    public void Dispose() => _writeLock.Dispose();
}
