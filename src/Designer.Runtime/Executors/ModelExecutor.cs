using System.Text.Json.Nodes;
using Designer.Inference.Serving;
using Designer.Runtime.Compilation;
using Designer.Runtime.Policies;
using Designer.Runtime.Tracing;
using Designer.Workflows.Catalogue.Configs;
using Designer.Workflows.Definitions;
using Microsoft.Agents.AI.Workflows;

namespace Designer.Runtime.Executors;

/// <summary>
/// Scores the run with a registry model. A call that outlives <c>latencySloMs</c> is cancelled, and a call that
/// returns but measured longer than the SLO also counts as a breach: both follow <c>degraded</c> (or fail the node
/// when <c>onSloBreach</c> is <c>fail</c>). Confidence below <c>minConfidence</c> follows <c>low-confidence</c>;
/// any other model error follows <c>error</c> instead of failing the run. A chat model (<c>chatModel</c>) runs
/// through <see cref="ChatModelStep"/>.
/// </summary>
public sealed class ModelExecutor : NodeExecutor
{
    private readonly ModelConfig _config;
    private readonly IInferenceClient? _inference;
    private readonly ChatModelStep? _chat;

    internal ModelExecutor(NodeDefinition node, ModelConfig config, IInferenceClient? inference, RuntimeServices services, RedactionPolicy redaction)
        : base(node, services, redaction)
    {
        _config = config;
        _inference = inference;
        _chat = string.IsNullOrWhiteSpace(config.ChatModel) ? null : new ChatModelStep(config, services.Chat, services.Time);
    }

    private protected override async ValueTask<NodeOutcome?> ExecuteAsync(NodeScope scope, IWorkflowContext context, CancellationToken cancellationToken)
    {
        if (_chat is not null)
        {
            return await _chat.ExecuteAsync(
                scope.State.RunId, Node.Id, scope.State.Nodes,
                (template, field) => Render(scope, template, field),
                (expression, field) => Evaluate(scope, expression, field),
                cancellationToken);
        }

        var mapped = MapInput(scope);
        if (_config.Model is not { Length: > 0 } model || _inference is null)
        {
            return Error(mapped, "no registry model or inference client is configured", null);
        }

        float[] row;
        try
        {
            row = ModelInputMapper.ToRow(mapped);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException)
        {
            return Error(mapped, $"the mapped input cannot be turned into a feature row: {ex.Message}", null);
        }

        var slo = _config.LatencySloMs is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
        using var sloTimer = slo is { } limit ? new CancellationTokenSource(limit, Services.Time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, sloTimer.Token);
        var started = Services.Time.GetTimestamp();
        PredictionResult result;
        try
        {
            result = await _inference.PredictAsync(model, _config.ModelVersion, [row], linked.Token);
        }
        catch (Exception ex) when (slo is not null && !cancellationToken.IsCancellationRequested
                                   && (ex is TimeoutException || (ex is OperationCanceledException && sloTimer.IsCancellationRequested)))
        {
            return await BreachAsync(scope, mapped, "timeout", slo.Value, Services.Time.GetElapsedTime(started), null, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Error(mapped, ex.Message, _config.CostPerCall);
        }

        var latency = Services.Time.GetElapsedTime(started);
        var prediction = Describe(result, latency);
        if (slo is { } objective && latency > objective)
        {
            return await BreachAsync(scope, mapped, "measured", objective, latency, prediction, cancellationToken);
        }

        var confidence = result.Rows.Count > 0 ? result.Rows[0].Confidence : null;
        var port = "ok";
        if (_config.MinConfidence is { } min && (confidence is null || confidence < min))
        {
            port = "low-confidence";
            await EmitAsync(scope, TraceEventKinds.LowConfidence, cancellationToken, new JsonObject
            {
                ["confidence"] = confidence,
                ["minConfidence"] = min,
            });
        }

        return new NodeOutcome(port, prediction) { Input = mapped, Data = (JsonObject)prediction.DeepClone(), Cost = _config.CostPerCall };
    }

    private JsonObject MapInput(NodeScope scope)
    {
        if (_config.InputMapping is null)
        {
            return (JsonObject)scope.State.Input.DeepClone();
        }

        var mapped = new JsonObject();
        foreach (var (field, expression) in _config.InputMapping)
        {
            mapped[field] = Evaluate(scope, expression, $"inputMapping.{field}");
        }

        return mapped;
    }

    private async ValueTask<NodeOutcome> BreachAsync(
        NodeScope scope, JsonObject mapped, string reason, TimeSpan slo, TimeSpan latency, JsonObject? prediction, CancellationToken cancellationToken)
    {
        var numbers = new JsonObject
        {
            ["reason"] = reason,
            ["sloMs"] = slo.TotalMilliseconds,
            ["latencyMs"] = Math.Round(latency.TotalMilliseconds, 3),
            ["action"] = _config.OnSloBreach,
        };
        await EmitAsync(scope, TraceEventKinds.SloBreach, cancellationToken, numbers);
        if (_config.OnSloBreach == "fail")
        {
            throw new NodeFaultException(Node.Id, $"latency SLO of {slo.TotalMilliseconds} ms breached ({reason}, {latency.TotalMilliseconds:0.#} ms)", null);
        }

        var output = prediction ?? [];
        output["degraded"] = true;
        output["slo"] = numbers.DeepClone();
        return new NodeOutcome("degraded", output) { Input = mapped, Data = numbers, Cost = _config.CostPerCall };
    }

    private static NodeOutcome Error(JsonObject mapped, string message, decimal? cost) =>
        new("error", new JsonObject { ["error"] = message }) { Input = mapped, Cost = cost };

    private JsonObject Describe(PredictionResult result, TimeSpan latency)
    {
        var first = result.Rows.Count > 0 ? result.Rows[0] : null;
        var scores = first?.Scores ?? [];

        // Binary classifiers report P(positive) as the score rules compare against (e.g. nodes.risk.score > 0.7).
        double? score = scores.Length switch { 0 => null, 2 => scores[1], _ => scores[0] };
        return new JsonObject
        {
            ["model"] = result.Model,
            ["version"] = result.Version,
            ["provider"] = result.Provider,
            ["label"] = first?.Label,
            ["confidence"] = first?.Confidence,
            ["score"] = score,
            ["scores"] = new JsonArray([.. scores.Select(s => (JsonNode?)JsonValue.Create((double)s))]),
            ["latencyMs"] = Math.Round(latency.TotalMilliseconds, 3),
            ["cost"] = _config.CostPerCall,
        };
    }
}
