using System.Collections.Concurrent;
using Designer.Inference.ChatModels;

namespace Designer.Runtime.ChatModels;

/// <summary>
/// Bounded in-memory reply cache. Keys are hashes of the redacted prompt, so no personal data is held as a key;
/// the oldest entry goes first when full. Per process: a cache miss after a restart only costs one call.
/// </summary>
public sealed class ChatResponseCache
{
    private readonly int _capacity;
    private readonly ConcurrentDictionary<string, ChatReply> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Creates the cache.</summary>
    /// <param name="capacity">Most entries kept; 0 disables it.</param>
    public ChatResponseCache(int capacity) => _capacity = Math.Max(0, capacity);

    /// <summary>Looks a reply up.</summary>
    /// <param name="key">Hash key.</param>
    /// <param name="reply">The cached reply.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGet(string key, out ChatReply reply) => _entries.TryGetValue(key, out reply!);

    /// <summary>Stores a reply.</summary>
    /// <param name="key">Hash key.</param>
    public void Set(string key, ChatReply reply)
    {
        if (_capacity == 0 || !_entries.TryAdd(key, reply))
        {
            return;
        }

        _order.Enqueue(key);
        while (_entries.Count > _capacity && _order.TryDequeue(out var oldest))
        {
            _entries.TryRemove(oldest, out _);
        }
    }
}
