using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue.Configs;

namespace Designer.Workflows.Validation.Rules;

internal static class ActionConfigRules
{
    public static void Check(NodeScope scope, ActionConfig config, JsonObject raw)
    {
        scope.OneOf("method", config.Method, ActionConfig.Methods);
        if (raw["connection"] is not null && string.IsNullOrWhiteSpace(config.Connection))
        {
            scope.Required("connection");
        }
        else if (!string.IsNullOrWhiteSpace(config.Connection) &&
                 scope.Context.Resolver?.ActionConnectionExists(config.Connection) == false)
        {
            scope.Context.Add(ProblemCodes.ConfigUnknownReference,
                $"Action connection '{config.Connection}' is not configured.", scope.NodeId, field: "connection");
        }

        if (raw["pathTemplate"] is not null && string.IsNullOrWhiteSpace(config.PathTemplate))
        {
            scope.Required("pathTemplate");
        }

        CheckRequest(scope, string.Empty, config.PathTemplate, config.BodyTemplate, config.Headers);
        if (string.IsNullOrWhiteSpace(config.ContentType))
        {
            scope.Required("contentType");
        }

        MappingRules.Check(scope, "responseMapping", config.ResponseMapping);
        if (config.TimeoutMs is < 1 or > 300_000)
        {
            scope.Invalid("timeoutMs", $"'timeoutMs' must be between 1 and 300000, not {config.TimeoutMs}.");
        }

        if (config.Compensation is { } compensation)
        {
            scope.OneOf("compensation.method", compensation.Method, ActionConfig.Methods);
            if (string.IsNullOrWhiteSpace(compensation.PathTemplate))
            {
                scope.Required("compensation.pathTemplate");
            }

            CheckRequest(scope, "compensation.", compensation.PathTemplate, compensation.BodyTemplate, compensation.Headers);
        }
    }

    /// <summary>Path, body and headers of the call or its compensation; <paramref name="prefix"/> names the object.</summary>
    private static void CheckRequest(NodeScope scope, string prefix, string? pathTemplate, string? bodyTemplate, Dictionary<string, string>? headers)
    {
        // The runtime checks the rendered URL again; this catches the obvious cases while the author types.
        var path = pathTemplate ?? string.Empty;
        if (path.Contains("://", StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith('\\'))
        {
            scope.Invalid($"{prefix}pathTemplate", $"'{prefix}pathTemplate' must be a path relative to the connection, not a URL.");
        }

        if (path.Split('/', '\\').Any(segment => segment is ".." or "."))
        {
            scope.Invalid($"{prefix}pathTemplate", $"'{prefix}pathTemplate' must not contain '.' or '..' segments.");
        }

        scope.Template($"{prefix}pathTemplate", pathTemplate);
        scope.Template($"{prefix}bodyTemplate", bodyTemplate);
        foreach (var (name, value) in headers ?? [])
        {
            if (string.IsNullOrWhiteSpace(name) || ActionConfig.ReservedHeaders.Contains(name.Trim().ToLowerInvariant(), StringComparer.Ordinal))
            {
                scope.Invalid($"{prefix}headers", $"Header '{name}' cannot be set by a workflow.");
            }

            scope.Template($"{prefix}headers.{name}", value);
        }
    }
}
