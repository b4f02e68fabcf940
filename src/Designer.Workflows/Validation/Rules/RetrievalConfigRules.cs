using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue.Configs;

namespace Designer.Workflows.Validation.Rules;

internal static class RetrievalConfigRules
{
    public static void Check(NodeScope scope, RetrievalConfig config, JsonObject raw)
    {
        // Required-ness was checked on the raw object; here only present-but-blank values remain.
        if (raw["collection"] is not null && string.IsNullOrWhiteSpace(config.Collection))
        {
            scope.Required("collection");
        }
        else if (!string.IsNullOrWhiteSpace(config.Collection) &&
                 scope.Context.Resolver?.CollectionExists(config.Collection) == false)
        {
            scope.Context.Add(ProblemCodes.ConfigUnknownReference, $"Collection '{config.Collection}' does not exist.",
                scope.NodeId, field: "collection");
        }

        if (raw["queryTemplate"] is not null && string.IsNullOrWhiteSpace(config.QueryTemplate))
        {
            scope.Required("queryTemplate");
        }

        scope.Template("queryTemplate", config.QueryTemplate);
        if (config.TopK is < 1 or > 100)
        {
            scope.Invalid("topK", $"'topK' must be between 1 and 100, not {config.TopK}.");
        }

        scope.OneOf("mode", config.Mode, RetrievalConfig.Modes);
        if (config.DenseWeight is { } weight && !(weight is >= 0 and <= 1))
        {
            scope.Invalid("denseWeight", $"'denseWeight' must be between 0 and 1, not {weight.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }
    }
}
