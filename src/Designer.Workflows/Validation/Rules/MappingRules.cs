namespace Designer.Workflows.Validation.Rules;

internal static class MappingRules
{
    public static void Check(NodeScope scope, string field, Dictionary<string, string>? mapping)
    {
        foreach (var (key, expression) in mapping ?? [])
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                scope.Invalid(field, $"'{field}' has an empty key.");
            }

            scope.Expression($"{field}.{key}", expression);
        }
    }
}
