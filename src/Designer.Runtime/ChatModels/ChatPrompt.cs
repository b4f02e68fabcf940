using System.Text.Json.Nodes;
using Designer.Runtime.Expressions;
using Designer.Runtime.Policies;
using Designer.Workflows.Catalogue.Configs;

namespace Designer.Runtime.ChatModels;

/// <summary>
/// Renders a chat node's system and user prompts and masks them exactly as the step does before they leave the
/// server: the designer's live preview calls this too, so what an author previews is what a model would receive.
/// </summary>
/// <param name="System">The masked system prompt, or null.</param>
/// <param name="User">The masked user prompt.</param>
/// <param name="Redaction">The masks issued (counts per kind; originals for restoring a reply).</param>
public sealed record ChatPrompt(string? System, string User, ReversibleRedaction Redaction)
{
    /// <summary>Renders and masks the prompts.</summary>
    /// <param name="config">The chat node's config.</param>
    /// <param name="render">Renders a template for a config field (the runtime faults the node on failure).</param>
    /// <param name="evaluate">Evaluates an expression for a config field.</param>
    /// <returns>The prompts as they would be sent.</returns>
    public static ChatPrompt Build(ModelConfig config, Func<string, string, string> render, Func<string, string, JsonNode?> evaluate)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(render);
        ArgumentNullException.ThrowIfNull(evaluate);
        var redaction = new ReversibleRedaction();
        var names = (config.RedactFields ?? []).Select((e, i) => evaluate(e, $"redactFields[{i}]"))
            .OfType<JsonValue>().Select(v => v.ToString()).ToList();
        var system = config.SystemPrompt is { } s ? redaction.Mask(render(s, "systemPrompt"), names) : null;
        var user = redaction.Mask(render(config.PromptTemplate ?? string.Empty, "promptTemplate"), names);
        return new ChatPrompt(system, user, redaction);
    }

    /// <summary>Renders and masks the prompts over <paramref name="variables"/> in <paramref name="sandbox"/>.</summary>
    /// <param name="config">The chat node's config.</param>
    /// <param name="sandbox">The expression sandbox (the runtime's limits).</param>
    /// <param name="variables">Run variables: <c>input</c>, <c>nodes</c>, <c>run</c>.</param>
    /// <returns>The prompts as they would be sent.</returns>
    /// <exception cref="ExpressionException">A placeholder or redaction field failed.</exception>
    public static ChatPrompt Build(ModelConfig config, ExpressionSandbox sandbox, JsonObject variables)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        return Build(config, (template, _) => sandbox.Render(template, variables), (expression, _) => sandbox.Evaluate(expression, variables));
    }
}
