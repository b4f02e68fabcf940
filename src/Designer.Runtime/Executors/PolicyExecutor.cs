using System.Text.Json.Nodes;
using Designer.Hosting.Privacy;
using Designer.Runtime.Compilation;
using Designer.Runtime.Policies;
using Designer.Runtime.Tracing;
using Designer.Workflows.Catalogue.Configs;
using Designer.Workflows.Definitions;
using Microsoft.Agents.AI.Workflows;

namespace Designer.Runtime.Executors;

/// <summary>
/// Decides pass / review / block. Order: the deny list blocks, then the allow list passes, then the ordered rules —
/// the first rule whose expression is true decides (as the config documents), and when none matches the verdict is
/// <c>review</c> (fail towards a human, never silently pass). Detected PII is reported as a redaction event; the
/// masking itself is applied to every trace event of the workflow by <see cref="RedactionPolicy"/>.
/// </summary>
public sealed class PolicyExecutor : NodeExecutor
{
    /// <summary>The verdict when no list and no rule matched.</summary>
    public const string NoMatchVerdict = "review";

    private readonly PolicyConfig _config;

    internal PolicyExecutor(NodeDefinition node, PolicyConfig config, RuntimeServices services, RedactionPolicy redaction)
        : base(node, services, redaction)
    {
        _config = config;
    }

    private protected override async ValueTask<NodeOutcome?> ExecuteAsync(NodeScope scope, IWorkflowContext context, CancellationToken cancellationToken)
    {
        var (verdict, decidedBy) = Decide(scope);
        var output = new JsonObject { ["verdict"] = verdict, ["decidedBy"] = decidedBy };
        await EmitAsync(scope, TraceEventKinds.PolicyVerdict, cancellationToken, new JsonObject { ["verdict"] = verdict, ["decidedBy"] = decidedBy });

        if (_config.RedactPii || _config.RedactFields is { Count: > 0 })
        {
            var found = FindPii(scope);
            output["redacted"] = found.DeepClone();
            await EmitAsync(scope, TraceEventKinds.Redaction, cancellationToken, new JsonObject
            {
                ["fields"] = new JsonArray([.. (_config.RedactFields ?? []).Select(f => (JsonNode?)JsonValue.Create(f))]),
                ["detected"] = found,
            });
        }

        return new NodeOutcome(verdict, output);
    }

    private (string Verdict, string DecidedBy) Decide(NodeScope scope)
    {
        if (_config.ListField is { Length: > 0 } listField)
        {
            var value = Evaluate(scope, listField, "listField");
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString();
            if (text is not null && _config.DenyList?.Contains(text, StringComparer.Ordinal) == true)
            {
                return ("block", "denyList");
            }

            if (text is not null && _config.AllowList?.Contains(text, StringComparer.Ordinal) == true)
            {
                return ("pass", "allowList");
            }
        }

        for (var i = 0; i < _config.Rules.Count; i++)
        {
            var rule = _config.Rules[i];
            if (EvaluateBoolean(scope, rule.Expression, $"rule '{rule.Id}'"))
            {
                return (rule.Verdict, $"rule:{rule.Id}");
            }
        }

        return (NoMatchVerdict, "noMatch");
    }

    private static JsonObject FindPii(NodeScope scope)
    {
        // Counts only: the values themselves never reach the trace.
        var found = new JsonObject();
        foreach (var (path, value) in Flatten(scope.Variables, string.Empty))
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            PiiRedactor.Redact(value, counts);
            if (counts.Count > 0)
            {
                found[path] = new JsonObject([.. counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))]);
            }
        }

        return found;
    }

    private static IEnumerable<(string Path, string Value)> Flatten(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    foreach (var item in Flatten(child, path.Length == 0 ? key : $"{path}.{key}"))
                    {
                        yield return item;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var item in Flatten(array[i], $"{path}[{i}]"))
                    {
                        yield return item;
                    }
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                yield return (path, text);
                break;
        }
    }
}
