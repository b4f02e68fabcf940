using System.Text.Json.Nodes;
using Designer.Runtime.State;
using Microsoft.ML.Tokenizers;

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

    // o200k_base is the encoding of the GPT-4o family; other providers' models tokenise differently, so this stays an
    // estimate. Built once: the vocabulary (~200k ranks) ships in the Microsoft.ML.Tokenizers.Data.O200kBase package.
    private static readonly Lazy<Tokenizer> Encoding = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    /// <summary>
    /// Tokens of <paramref name="text"/> as OpenAI's o200k_base encoding counts them (Microsoft.ML.Tokenizers), used
    /// before sending to refuse a call that would break the budget, and when a provider reports no usage (then the
    /// record says the usage was estimated). Characters ÷ 4 undercounts non-Latin text several times over.
    /// </summary>
    public static int EstimateTokens(string text) => string.IsNullOrEmpty(text) ? 0 : Encoding.Value.CountTokens(text);
}
