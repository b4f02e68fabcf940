using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Inference.ChatModels;
using Designer.Inference.Registry;
using Designer.Runtime.ChatModels;
using Designer.Runtime.Policies;
using Designer.Workflows.Catalogue.Configs;

namespace Designer.Runtime.Executors;

/// <summary>
/// The chat branch of <see cref="ModelExecutor"/>: render, redact, budget, call (with cache, fallbacks and one schema
/// repair), parse, price, trace and audit. Ports: <c>ok</c>, <c>invalid</c> (schema still broken after the repair),
/// <c>low-confidence</c>, <c>degraded</c> (no model configured, every model unavailable, SLO or budget breached) and
/// <c>error</c> (refused request, garbage or oversized reply).
/// </summary>
internal sealed class ChatModelStep
{
    private readonly ModelConfig _config;
    private readonly ChatRuntime? _chat;
    private readonly TimeProvider _time;

    public ChatModelStep(ModelConfig config, ChatRuntime? chat, TimeProvider time)
    {
        _config = config;
        _chat = chat;
        _time = time;
    }

    /// <summary>Runs the call. <paramref name="render"/> and <paramref name="evaluate"/> fault the node on bad templates.</summary>
    public async ValueTask<NodeOutcome> ExecuteAsync(
        string runId, string nodeId, JsonObject nodes, Func<string, string, string> render, Func<string, string, JsonNode?> evaluate, CancellationToken cancellationToken)
    {
        var (system, user, redaction) = ChatPrompt.Build(_config, render, evaluate);
        var record = new ChatRecord { System = system, User = user, Redactions = redaction.Counts };

        if (_chat is null)
        {
            return Degraded(record, "no chat model configured");
        }

        var candidates = await ResolveAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return Degraded(record, "no chat model configured");
        }

        var started = _time.GetTimestamp();
        using var slo = _config.LatencySloMs is { } ms ? new CancellationTokenSource(TimeSpan.FromMilliseconds(ms), _time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, slo.Token);
        var (usedTokens, usedCost) = ChatBudget.Used(nodes);
        foreach (var version in candidates)
        {
            record.Model = version;
            var turns = Turns(version, system, user);
            if (OverBudget(version, turns, usedTokens, usedCost) is { } why)
            {
                return Degraded(record, why);
            }

            try
            {
                var outcome = await CallAsync(version, turns, record, linked.Token);
                record.LatencyMs = _time.GetElapsedTime(started).TotalMilliseconds;
                await AuditAsync(runId, nodeId, record, cancellationToken);
                return outcome(redaction);
            }
            catch (ChatModelCallException ex) when (ex.Kind is ChatFailureKind.Unavailable or ChatFailureKind.NotConfigured)
            {
                record.Fallbacks.Add(new JsonObject { ["model"] = version.Reference, ["reason"] = ex.Message });
            }
            catch (ChatModelCallException ex)
            {
                record.LatencyMs = _time.GetElapsedTime(started).TotalMilliseconds;
                return Port("error", record, ex.Message);
            }
            catch (OperationCanceledException) when (slo.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                record.LatencyMs = _time.GetElapsedTime(started).TotalMilliseconds;
                return Degraded(record, $"latency SLO of {_config.LatencySloMs} ms breached");
            }
        }

        record.LatencyMs = _time.GetElapsedTime(started).TotalMilliseconds;
        return Degraded(record, "every chat model is unavailable");
    }

    // Returns a continuation so the audit entry is written before the outcome leaves, with the final record.
    private async Task<Func<ReversibleRedaction, NodeOutcome>> CallAsync(
        ChatModelVersion version, List<ChatTurn> turns, ChatRecord record, CancellationToken cancellationToken)
    {
        var settings = new ChatCallSettings
        {
            Temperature = _config.Temperature,
            MaxOutputTokens = _config.MaxOutputTokens,
            JsonSchema = _config.OutputSchema?.ToJsonString(),
            Logprobs = _config.ConfidenceFromLogprobs,
        };
        var reply = await CompleteAsync(version, turns, settings, record, cancellationToken);
        var (parsed, problems) = ChatReplyParser.Parse(reply.Text, _config.OutputSchema);
        if (problems.Count > 0)
        {
            // One repair: show the model its reply and every problem, then give up with port invalid.
            record.SchemaProblems = problems;
            var repair = new List<ChatTurn>(turns)
            {
                new("assistant", reply.Text),
                new("user", "Your reply does not satisfy the JSON schema:\n- " + string.Join("\n- ", problems)
                    + "\nReply again with only the corrected JSON object."),
            };
            reply = await CompleteAsync(version, repair, settings, record, cancellationToken);
            record.Repaired = true;
            (parsed, problems) = ChatReplyParser.Parse(reply.Text, _config.OutputSchema);
        }

        record.Raw = reply.Text;
        record.FinishReason = reply.FinishReason;
        record.TokenProbability = reply.TokenProbability;
        record.Parsed = parsed?.DeepClone();
        return redaction =>
        {
            if (problems.Count > 0)
            {
                record.SchemaProblems = problems;
                return Port("invalid", record, "the reply does not satisfy the output schema after one repair");
            }

            var restored = _config.RestorePlaceholders ? redaction.Restore(parsed) : parsed?.DeepClone();
            var confidence = Confidence(restored, record);
            record.Confidence = confidence;
            var port = _config.MinConfidence is { } min && (confidence is null || confidence < min) ? "low-confidence" : "ok";
            return Port(port, record, null, restored);
        };
    }

    // A schema field the author named wins; else, when opted in, the tokens' probability. A provider that ignores the
    // log-probability request leaves no confidence, which a minimum then treats as low (said in the trace).
    private double? Confidence(JsonNode? restored, ChatRecord record)
    {
        if (_config.ConfidenceField is { } field)
        {
            record.ConfidenceSource = "field " + field;
            return restored is JsonObject o && State.JsonNumbers.TryGetDouble(o[field], out var c) ? c : null;
        }

        if (!_config.ConfidenceFromLogprobs)
        {
            return null;
        }

        record.ConfidenceSource = record.TokenProbability is null ? "log-probabilities requested but not returned" : "logprobs";
        return record.TokenProbability is { } p ? Math.Round(p, 6) : null;
    }

    private async Task<ChatReply> CompleteAsync(
        ChatModelVersion version, List<ChatTurn> turns, ChatCallSettings settings, ChatRecord record, CancellationToken cancellationToken)
    {
        var key = _config.CacheResponses ? CacheKey(version, turns, settings) : null;
        if (key is not null && _chat!.Cache.TryGet(key, out var cached))
        {
            record.Cached = true;
            return cached;
        }

        record.Attempts++;
        var reply = await _chat!.Gateway.CompleteAsync(version, turns, settings, cancellationToken);

        // Providers that omit usage are charged by the estimate, so a budget cannot be dodged by a silent server.
        var input = reply.InputTokens ?? ChatBudget.EstimateTokens(string.Concat(turns.Select(t => t.Text)));
        var output = reply.OutputTokens ?? ChatBudget.EstimateTokens(reply.Text);
        record.InputTokens += input;
        record.OutputTokens += output;
        record.UsageEstimated |= reply.InputTokens is null || reply.OutputTokens is null;
        record.Cost += Price(version, input, output);
        if (key is not null)
        {
            _chat.Cache.Set(key, reply);
        }

        return reply;
    }

    private async Task<List<ChatModelVersion>> ResolveAsync(CancellationToken cancellationToken)
    {
        var result = new List<ChatModelVersion>();
        foreach (var reference in new[] { _config.ChatModel! }.Concat(_config.FallbackModels ?? []))
        {
            var at = reference.IndexOf('@', StringComparison.Ordinal);
            var id = at < 0 ? reference : reference[..at];
            int? pinned = at >= 0 && int.TryParse(reference.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
            if (await _chat!.Registry.GetAsync(id, pinned, cancellationToken) is { Status: ModelStatus.Approved } version)
            {
                result.Add(version);
            }
        }

        return result;
    }

    private List<ChatTurn> Turns(ChatModelVersion version, string? system, string user)
    {
        var instructions = system;
        if (_config.OutputSchema is { } schema && !version.SupportsJsonSchema)
        {
            // No response_format on this provider: the schema goes in the instructions, and the parser still checks it.
            instructions = (system is null ? string.Empty : system + "\n\n")
                + "Reply with only a JSON object that satisfies this JSON schema:\n" + schema.ToJsonString();
        }

        return instructions is null ? [new("user", user)] : [new("system", instructions), new("user", user)];
    }

    private string? OverBudget(ChatModelVersion version, List<ChatTurn> turns, long usedTokens, decimal usedCost)
    {
        var input = ChatBudget.EstimateTokens(string.Concat(turns.Select(t => t.Text)));
        var output = _config.MaxOutputTokens ?? version.MaxOutputTokens ?? 0;
        if (_config.RunTokenBudget is { } tokens && usedTokens + input + output > tokens)
        {
            return $"run token budget of {tokens} exceeded ({usedTokens} used, about {input + output} needed)";
        }

        var cost = Price(version, input, output);
        return _config.RunCostBudget is { } budget && usedCost + cost > budget
            ? $"run cost budget of {budget.ToString(CultureInfo.InvariantCulture)} exceeded"
            : null;
    }

    private static decimal Price(ChatModelVersion version, int input, int output) =>
        Math.Round((input * version.InputPricePer1K + output * version.OutputPricePer1K) / 1000m, 6);

    private static string CacheKey(ChatModelVersion version, List<ChatTurn> turns, ChatCallSettings settings)
    {
        var text = new StringBuilder(version.Reference).Append('\n').Append(settings.JsonSchema).Append('\n')
            .Append(settings.Temperature?.ToString(CultureInfo.InvariantCulture)).Append('\n').Append(settings.MaxOutputTokens).Append('\n').Append(settings.Logprobs);
        foreach (var turn in turns)
        {
            text.Append('\n').Append(turn.Role).Append(':').Append(turn.Text.Length).Append(':').Append(turn.Text);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private async Task AuditAsync(string runId, string nodeId, ChatRecord record, CancellationToken cancellationToken)
    {
        if (_chat?.Audit is { } audit)
        {
            await audit.AppendAsync(runId, nodeId, record.ToAudit(), cancellationToken);
        }
    }

    private static NodeOutcome Degraded(ChatRecord record, string reason)
    {
        record.Reason = reason;
        return Port("degraded", record, reason);
    }

    private static NodeOutcome Port(string port, ChatRecord record, string? reason, JsonNode? restored = null)
    {
        record.Reason ??= reason;
        var output = new JsonObject
        {
            ["model"] = record.Model?.Reference,

            // Always an object or a value, so expressions like nodes.draft.output.resolution read undefined, not throw.
            ["output"] = restored ?? new JsonObject(),
            ["text"] = port is "ok" or "low-confidence" && restored is JsonValue ? restored.DeepClone() : null,
            ["confidence"] = record.Confidence,
            ["llm"] = record.Usage(),
        };
        if (port is not "ok" and not "low-confidence")
        {
            output[port == "degraded" ? "degraded" : "failed"] = true;
            output["reason"] = record.Reason;
        }

        return new NodeOutcome(port, output) { Data = record.ToTrace(), Cost = record.Cost };
    }
}
