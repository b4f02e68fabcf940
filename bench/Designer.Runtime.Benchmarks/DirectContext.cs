using System.Collections.Concurrent;
using Microsoft.Agents.AI.Workflows;

namespace Designer.Runtime.Benchmarks;

/// <summary>The least an executor needs to run outside MAF: it keeps the last message sent and the output.</summary>
internal sealed class DirectContext : IWorkflowContext
{
    private readonly ConcurrentDictionary<string, object?> _state = new(StringComparer.Ordinal);

    public object? Sent { get; private set; }

    public object? Output { get; private set; }

    public IReadOnlyDictionary<string, string>? TraceContext => null;

    public bool ConcurrentRunsEnabled => false;

    public ValueTask AddEventAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask SendMessageAsync(object message, string? targetId = null, CancellationToken cancellationToken = default)
    {
        Sent = message;
        return ValueTask.CompletedTask;
    }

    public ValueTask YieldOutputAsync(object output, CancellationToken cancellationToken = default)
    {
        Output = output;
        return ValueTask.CompletedTask;
    }

    public ValueTask RequestHaltAsync() => ValueTask.CompletedTask;

    public ValueTask<T?> ReadStateAsync<T>(string key, string? scopeName = null, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_state.TryGetValue(key, out var value) ? (T?)value : default);

    public ValueTask<T> ReadOrInitStateAsync<T>(string key, Func<T> initialStateFactory, string? scopeName = null, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult((T)_state.GetOrAdd(key, _ => initialStateFactory())!);

    public ValueTask<HashSet<string>> ReadStateKeysAsync(string? scopeName = null, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_state.Keys.ToHashSet(StringComparer.Ordinal));

    public ValueTask QueueStateUpdateAsync<T>(string key, T? value, string? scopeName = null, CancellationToken cancellationToken = default)
    {
        _state[key] = value;
        return ValueTask.CompletedTask;
    }

    public ValueTask QueueClearScopeAsync(string? scopeName = null, CancellationToken cancellationToken = default)
    {
        _state.Clear();
        return ValueTask.CompletedTask;
    }
}
