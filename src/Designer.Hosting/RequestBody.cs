using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Designer.Hosting;

/// <summary>
/// The request-body reader of every host (the web app and the inference host): bodies (JSON, CSV, NDJSON) are read
/// as text up to a size limit and JSON is parsed by our own code, so a client's mistake — too large, empty, not JSON,
/// not an object, nested too deep — is reported as such and never becomes a 500.
/// </summary>
public static class RequestBody
{
    /// <summary>Reads a body as UTF-8 text; null when it is larger than <paramref name="maxBytes"/>.</summary>
    /// <param name="body">The request body (left open).</param>
    /// <param name="declaredLength">The Content-Length, if sent: refused before reading when already too large.</param>
    /// <param name="maxBytes">The limit; counted in characters while reading (a multi-byte text may exceed it in bytes).</param>
    /// <param name="cancellationToken">The caller went away.</param>
    /// <returns>The text, or null when too large.</returns>
    public static async Task<string?> ReadTextAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (declaredLength > maxBytes)
        {
            return null;
        }

        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 8192, leaveOpen: true);
        var buffer = new char[8192];
        var text = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > maxBytes)
            {
                return null;
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The one JSON body reader of both hosts: reads up to <paramref name="maxBytes"/> and parses a JSON object;
    /// a refusal is <see cref="OperationErrorKind.TooLarge"/> or <see cref="OperationErrorKind.Invalid"/> saying what is wrong.
    /// </summary>
    /// <param name="body">The request body (left open).</param>
    /// <param name="declaredLength">The Content-Length, if sent.</param>
    /// <param name="nodeOptions">Node options (e.g. case-insensitive property names).</param>
    /// <param name="documentOptions">Document options (the nesting limit).</param>
    /// <param name="allowEmpty">True: an empty body reads as an empty object (an optional body).</param>
    /// <param name="cancellationToken">The caller went away.</param>
    /// <returns>The object, or why not.</returns>
    public static async Task<OperationResult<JsonObject>> ReadObjectAsync(
        Stream body, long? declaredLength, int maxBytes, JsonNodeOptions nodeOptions, JsonDocumentOptions documentOptions, bool allowEmpty,
        CancellationToken cancellationToken)
    {
        var text = await ReadTextAsync(body, declaredLength, maxBytes, cancellationToken);
        if (text is null)
        {
            return new OperationError(OperationErrorKind.TooLarge, $"The request body is larger than {maxBytes / (1024 * 1024)} MB.");
        }

        if (allowEmpty && string.IsNullOrWhiteSpace(text))
        {
            return new JsonObject(nodeOptions);
        }

        return TryParseObject(text, nodeOptions, documentOptions, out var value, out var error) ? value! : OperationError.Invalid(error!);
    }

    /// <summary>Parses a JSON object; <paramref name="error"/> says what is wrong otherwise.</summary>
    /// <param name="text">The body text.</param>
    /// <param name="nodeOptions">Node options (e.g. case-insensitive property names).</param>
    /// <param name="documentOptions">Document options (the nesting limit).</param>
    /// <param name="value">The object, or null.</param>
    /// <param name="error">Why it is not one, or null.</param>
    /// <returns>True for a JSON object.</returns>
    public static bool TryParseObject(string? text, JsonNodeOptions nodeOptions, JsonDocumentOptions documentOptions, out JsonObject? value, out string? error)
    {
        value = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The request body is empty; a JSON object is expected.";
            return false;
        }

        try
        {
            value = JsonNode.Parse(text, nodeOptions, documentOptions) as JsonObject;
            error = value is null ? "The request body must be a JSON object." : null;
        }
        catch (JsonException ex)
        {
            error = $"The request body is not valid JSON: {ex.Message}";
        }

        return value is not null;
    }

    /// <summary>
    /// Binds a parsed JSON object to a request record, listing every property whose value has the wrong type (not
    /// just the first, as the serializer would) before the record is built; the caller then validates the values.
    /// </summary>
    /// <typeparam name="T">The request record.</typeparam>
    /// <param name="options">The serializer options of the host (naming, strict numbers).</param>
    /// <param name="codePrefix">The problem codes' prefix, e.g. <c>collection</c>.</param>
    /// <param name="problems">Receives every problem.</param>
    /// <returns>The record, or null when there were problems.</returns>
    public static T? Bind<T>(JsonObject json, JsonSerializerOptions options, string codePrefix, List<OperationProblem> problems)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(problems);
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        foreach (var (name, node) in json)
        {
            var property = Array.Find(properties, p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null || node is null)
            {
                continue;
            }

            try
            {
                _ = node.Deserialize(property.PropertyType, options);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
            {
                problems.Add(new OperationProblem($"{codePrefix}.{name}", $"Must be {Describe(property.PropertyType)}.", Field: name));
            }
        }

        if (problems.Count > 0)
        {
            return null;
        }

        try
        {
            return json.Deserialize<T>(options);
        }
        catch (JsonException ex)
        {
            problems.Add(new OperationProblem($"{codePrefix}.invalid", ex.Message));
            return null;
        }
    }

    /// <summary>
    /// Binds like <see cref="Bind{T}"/> but does not give up on a wrongly typed property: each is listed (with its
    /// field) and left out, and the rest is bound, so one refusal can name the wrong types together with the problems
    /// of the values that did bind. Every property of <typeparamref name="T"/> should be nullable for that reason.
    /// </summary>
    /// <typeparam name="T">The request record.</typeparam>
    /// <param name="options">The serializer options of the host (naming, strict numbers).</param>
    /// <param name="codePrefix">The problem codes' prefix, e.g. <c>run</c>.</param>
    /// <param name="problems">Receives every wrongly typed property, and the reason when even the rest cannot be bound.</param>
    /// <returns>The record without the wrongly typed properties; null only when the rest cannot be bound either.</returns>
    public static T? BindEach<T>(JsonObject json, JsonSerializerOptions options, string codePrefix, List<OperationProblem> problems)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(problems);
        var typeProblems = new List<OperationProblem>();
        if (Bind<T>(json, options, codePrefix, typeProblems) is { } bound)
        {
            return bound;
        }

        problems.AddRange(typeProblems);
        if (!typeProblems.TrueForAll(p => p.Field is not null))
        {
            return null;
        }

        var rest = new JsonObject(json.Options);
        foreach (var (name, node) in json)
        {
            if (!typeProblems.Exists(p => string.Equals(p.Field, name, StringComparison.OrdinalIgnoreCase)))
            {
                rest[name] = node?.DeepClone();
            }
        }

        // A fresh list: Bind gives up when its list already holds a problem.
        var restProblems = new List<OperationProblem>();
        var value = Bind<T>(rest, options, codePrefix, restProblems);
        problems.AddRange(restProblems);
        return value;
    }

    private static string Describe(Type type)
    {
        var actual = Nullable.GetUnderlyingType(type) ?? type;
        return actual == typeof(string) ? "a string"
            : actual == typeof(int) || actual == typeof(long) ? "an integer"
            : actual == typeof(double) || actual == typeof(float) || actual == typeof(decimal) ? "a number"
            : actual == typeof(bool) ? "true or false"
            : actual == typeof(JsonObject) ? "a JSON object"
            : actual == typeof(Guid) ? "a GUID"
            : "a value of the expected type";
    }
}
