using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Designer.Workflows.Catalogue.Configs;
using Designer.Workflows.Expressions;

namespace Designer.Workflows.Validation.Rules;

/// <summary>
/// Chat-model config: the model must be an approved registry entry, the definition may carry neither an endpoint
/// nor anything that looks like a credential (keys live in configuration only), and the output schema must use the
/// subset the runtime validates.
/// </summary>
internal static partial class ChatConfigRules
{
    // Field names that would carry a credential or a URL the server should call; endpoints are admin-configured.
    private static readonly HashSet<string> ForbiddenFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "chatEndpoint", "endpoint", "baseUrl", "url", "apiKey", "api_key", "key", "secret", "token", "password", "authorization",
    };

    public static void Check(NodeScope scope, ModelConfig config, JsonObject raw)
    {
        foreach (var name in raw.Select(p => p.Key).Where(ForbiddenFields.Contains))
        {
            scope.Invalid(name, $"'{name}' is not allowed in a definition: endpoints and API keys are configured by an administrator on the chat-model version.");
        }

        foreach (var path in CredentialLikeStrings(raw, string.Empty))
        {
            scope.Invalid(path, $"'{path}' looks like an API key; keys belong in configuration (Designer:ChatModels:Secrets), never in a definition.");
        }

        CheckReference(scope, "chatModel", config.ChatModel!);
        for (var i = 0; i < (config.FallbackModels?.Count ?? 0); i++)
        {
            CheckReference(scope, string.Create(CultureInfo.InvariantCulture, $"fallbackModels[{i}]"), config.FallbackModels![i]);
        }

        scope.Template("systemPrompt", config.SystemPrompt);
        CheckVariables(scope, "systemPrompt", config.SystemPrompt);
        CheckVariables(scope, "promptTemplate", config.PromptTemplate);
        if (config.OutputSchema is { } schema)
        {
            foreach (var (path, message) in InputSchemaChecker.Check(schema))
            {
                scope.Invalid("outputSchema" + path["inputSchema".Length..], message.Replace("input schema", "output schema", StringComparison.Ordinal));
            }
        }

        if (config.ConfidenceField is { } field && config.OutputSchema?["properties"]?[field] is null)
        {
            scope.Invalid("confidenceField", $"'confidenceField' names '{field}', which the output schema does not declare.");
        }

        if (config.Temperature is { } t && (double.IsNaN(t) || t is < 0 or > 2))
        {
            scope.Invalid("temperature", "'temperature' must be between 0 and 2.");
        }

        if (config.MaxOutputTokens is <= 0 || config.RunTokenBudget is <= 0)
        {
            scope.Invalid(config.MaxOutputTokens is <= 0 ? "maxOutputTokens" : "runTokenBudget", "Token limits must be greater than 0.");
        }

        if (config.RunCostBudget is < 0)
        {
            scope.Invalid("runCostBudget", "'runCostBudget' must not be negative.");
        }

        foreach (var (expression, i) in (config.RedactFields ?? []).Select((e, i) => (e, i)))
        {
            scope.Expression(string.Create(CultureInfo.InvariantCulture, $"redactFields[{i}]"), expression);
        }
    }

    /// <summary>Splits <c>id</c> or <c>id@version</c>; false when malformed.</summary>
    public static bool TryParseReference(string text, out string id, out int? version)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        id = at < 0 ? text : text[..at];
        version = null;
        if (at >= 0)
        {
            if (!int.TryParse(text.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 1)
            {
                return false;
            }

            version = v;
        }

        return IdPattern().IsMatch(id);
    }

    // A prompt that reads a field no run has would silently send an empty value to the model; say so while editing.
    private static void CheckVariables(NodeScope scope, string field, string? template)
    {
        if (template is null || !TemplateSyntax.TryCheck(template, out _))
        {
            return;
        }

        var catalogue = VariableCatalogue.For(scope.Context.Definition, scope.NodeId);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in TemplateVariables.Placeholders(template).SelectMany(TemplateVariables.References))
        {
            if (catalogue.Explain(reference) is { } why && reported.Add(why))
            {
                scope.Context.Add(ProblemCodes.TemplateUnknownVariable, $"Template in '{field}' reads an unknown variable: {why}",
                    scope.NodeId, field: field);
            }
        }
    }

    private static void CheckReference(NodeScope scope, string field, string reference)
    {
        if (!TryParseReference(reference, out var id, out var version))
        {
            scope.Invalid(field, $"'{reference}' must be a chat-model id or id@version.");
            return;
        }

        if (scope.Context.Resolver?.ChatModelExists(id, version) == false)
        {
            scope.Context.Add(ProblemCodes.ConfigUnknownReference,
                $"Chat model '{reference}' is not an approved chat-model version.", scope.NodeId, field: field);
        }
    }

    private static IEnumerable<string> CredentialLikeStrings(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.SelectMany(p => CredentialLikeStrings(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray array => array.SelectMany((item, i) => CredentialLikeStrings(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"))),
        JsonValue value when value.TryGetValue<string>(out var text) && KeyPattern().IsMatch(text) => [path],
        _ => [],
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    // Provider key shapes (sk-..., Azure's 32 hex) and bearer headers; long opaque tokens without spaces.
    [GeneratedRegex(@"(\bsk-[A-Za-z0-9_-]{16,}|\bBearer\s+[A-Za-z0-9._-]{16,}|\b[A-Fa-f0-9]{32}\b)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex KeyPattern();
}
