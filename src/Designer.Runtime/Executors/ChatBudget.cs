using System.Text.Json.Nodes;
using Designer.Runtime.State;

namespace Designer.Runtime.Executors;

/// <summary>
/// What the run's chat nodes have used so far, summed from their outputs' <c>llm</c> block. Read from the
/// checkpointed state, so a recovered run keeps counting where it stopped.
/// </summary>
internal static class ChatBudget
{
    public static (long Tokens, decimal Cost) Used(JsonObject nodes)
    {
        long tokens = 0;
        decimal cost = 0;
        foreach (var (_, output) in nodes)
        {
            if (output is JsonObject o && o["llm"] is JsonObject llm)
            {
                tokens += JsonNumbers.TryGetDouble(llm["totalTokens"], out var n) ? (long)n : 0;
                cost += JsonNumbers.TryGetDouble(llm["cost"], out var c) ? (decimal)c : 0;
            }
        }

        return (tokens, cost);
    }

    /// <summary>
    /// A deliberately pessimistic estimate before sending (about 4 characters a token for Latin text), used only to
    /// refuse a call that would certainly break the budget; the provider's usage is what is recorded.
    /// </summary>
    public static int EstimateTokens(string text) => (text.Length + 3) / 4;
}
