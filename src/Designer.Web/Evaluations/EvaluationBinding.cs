using System.Text.Json.Nodes;
using Designer.Web.Api;

namespace Designer.Web.Evaluations;

/// <summary>
/// Binds the dataset, evaluation and budget bodies to their request records so that one answer lists every problem:
/// a wrongly typed property is reported in the words the hand-written reader used (its code, message and field), and
/// the remaining properties are still bound, so their values are checked in the same answer.
/// </summary>
internal static class EvaluationBinding
{
    /// <summary>
    /// Binds <paramref name="json"/> to <typeparamref name="T"/>; each wrongly typed property goes through
    /// <paramref name="wrongType"/> (given the property as sent) into <paramref name="problems"/> and is left out.
    /// </summary>
    /// <typeparam name="T">The request record.</typeparam>
    /// <param name="json">The object the client sent, or a part of it.</param>
    /// <param name="wrongType">The problem to report for a property whose value has the wrong type.</param>
    /// <param name="problems">Receives one problem per wrongly typed property.</param>
    /// <param name="wrong">The wrongly typed properties' names as sent (compared without case).</param>
    /// <returns>The record with every well-typed property; null only when the object cannot be bound at all.</returns>
    public static T? Bind<T>(JsonObject json, Func<string, ValidationProblem> wrongType, List<ValidationProblem> problems, out ISet<string> wrong)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(wrongType);
        ArgumentNullException.ThrowIfNull(problems);
        var typeProblems = new List<OperationProblem>();
        var value = ApiJson.BindEach<T>(WithCanonicalGuids<T>(json), "evaluation", typeProblems);
        wrong = typeProblems.Where(p => p.Field is not null).Select(p => p.Field!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in wrong.Order(StringComparer.Ordinal))
        {
            problems.Add(wrongType(name));
        }

        return value;
    }

    /// <summary>
    /// A copy in which every id the hand-written reader accepted (any form <see cref="Guid.TryParse(string?, out Guid)"/>
    /// reads, such as 32 digits without hyphens) is in the hyphenated form the serializer reads, so no accepted id is refused.
    /// </summary>
    private static JsonObject WithCanonicalGuids<T>(JsonObject json)
    {
        var ids = typeof(T).GetProperties().Where(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) == typeof(Guid)).Select(p => p.Name).ToList();
        var copy = new JsonObject(json.Options);
        foreach (var (name, node) in json)
        {
            copy[name] = ids.Contains(name, StringComparer.OrdinalIgnoreCase) && node is JsonValue v && v.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id)
                ? JsonValue.Create(id.ToString("D"))
                : node?.DeepClone();
        }

        return copy;
    }

    /// <summary>Whether <paramref name="json"/> has a non-null value for <paramref name="name"/> (any casing).</summary>
    public static bool Has(JsonObject json, string name) =>
        json.Any(p => p.Value is not null && string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The value of <paramref name="name"/> in <paramref name="json"/> (any casing), or null.</summary>
    public static JsonNode? Get(JsonObject json, string name) =>
        json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>A copy of the object at <paramref name="path"/> (names in any casing) as the client sent it, or null.</summary>
    public static JsonObject? Original(JsonObject json, params string[] path)
    {
        JsonNode? node = json;
        foreach (var name in path)
        {
            node = node is JsonObject o ? Get(o, name) : null;
        }

        return node is JsonObject found ? (JsonObject)found.DeepClone() : null;
    }
}
