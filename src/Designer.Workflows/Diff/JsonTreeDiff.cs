using System.Text.Json.Nodes;

namespace Designer.Workflows.Diff;

/// <summary>Recursive per-field comparison of JSON values, yielding leaf-level changes.</summary>
internal static class JsonTreeDiff
{
    public static void Compare(string path, JsonNode? before, JsonNode? after, List<FieldChange> changes)
    {
        if (JsonNode.DeepEquals(before, after))
        {
            return;
        }

        switch (before, after)
        {
            case (JsonObject left, JsonObject right):
                var keys = left.Select(p => p.Key).Union(right.Select(p => p.Key)).Order(StringComparer.Ordinal);
                foreach (var key in keys)
                {
                    Compare($"{path}.{key}", left[key], right[key], changes);
                }

                break;
            case (JsonArray left, JsonArray right):
                for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
                {
                    Compare($"{path}[{i}]", i < left.Count ? left[i] : null, i < right.Count ? right[i] : null, changes);
                }

                break;
            default:
                changes.Add(new FieldChange(path, before?.DeepClone(), after?.DeepClone()));
                break;
        }
    }
}
