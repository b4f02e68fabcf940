using System.Text.Json;
using Microsoft.Agents.AI.Workflows;
using Microsoft.Agents.AI.Workflows.Checkpointing;

namespace Designer.Runtime.Execution;

/// <summary>
/// MAF's <see cref="ICheckpointStore{TStoreObject}"/> over an <see cref="IRunCheckpointStore"/>. MAF writes
/// checkpoints from its own superstep thread while the host may be reading the run's checkpoint list (a grain saving
/// its state hit "Collection was modified" in 8 of 10 probe runs), so writes take a lock and readers get a copy of
/// the index; MAF's live event stream is untouched.
/// </summary>
internal sealed class CheckpointStoreAdapter : ICheckpointStore<JsonElement>
{
    private readonly IRunCheckpointStore _store;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<CheckpointInfo> _index = [];

    public CheckpointStoreAdapter(IRunCheckpointStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>A copy of the checkpoints written or read through this adapter, oldest first.</summary>
    public IReadOnlyList<CheckpointInfo> Snapshot()
    {
        lock (_index)
        {
            return [.. _index];
        }
    }

    public async ValueTask<CheckpointInfo> CreateCheckpointAsync(string sessionId, JsonElement value, CheckpointInfo? parent = null)
    {
        var info = new CheckpointInfo(sessionId, Guid.NewGuid().ToString("N"));
        var json = value.GetRawText();
        await _gate.WaitAsync();
        try
        {
            await _store.SaveAsync(sessionId, new RunCheckpoint(info.CheckpointId, parent?.CheckpointId, json, _time.GetUtcNow()), CancellationToken.None);
            lock (_index)
            {
                _index.Add(info);
            }
        }
        finally
        {
            _gate.Release();
        }

        return info;
    }

    public async ValueTask<JsonElement> RetrieveCheckpointAsync(string sessionId, CheckpointInfo key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var checkpoint = await _store.GetAsync(sessionId, key.CheckpointId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Run '{sessionId}' has no checkpoint '{key.CheckpointId}'.");
        using var document = JsonDocument.Parse(checkpoint.Json);
        return document.RootElement.Clone();
    }

    public async ValueTask<IEnumerable<CheckpointInfo>> RetrieveIndexAsync(string sessionId, CheckpointInfo? withParent = null)
    {
        var all = await _store.ListAsync(sessionId, CancellationToken.None);
        return [.. all.Where(c => withParent is null || c.ParentId == withParent.CheckpointId).Select(c => new CheckpointInfo(sessionId, c.CheckpointId))];
    }
}
