using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Web.Api;

/// <summary>One JSON convention for every response, and a parser for request bodies that never throws.</summary>
internal static class ApiJson
{
    /// <summary>Bodies larger than this are refused with 413 before they are parsed.</summary>
    public const int MaxBodyBytes = 5 * 1024 * 1024;

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>How request records are bound: the response convention, case-insensitive names, numbers only as numbers.</summary>
    private static readonly JsonSerializerOptions BindOptions = CreateBindOptions();

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    /// <summary>Parses a JSON object body; <paramref name="error"/> says what is wrong otherwise.</summary>
    public static bool TryParseObject(string body, out JsonObject? value, out string? error) =>
        RequestBody.TryParseObject(body, NodeOptions, DocumentOptions, out value, out error);

    /// <summary>Reads the whole body up to <see cref="MaxBodyBytes"/>; null when it is larger.</summary>
    public static Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken) =>
        RequestBody.ReadTextAsync(request.Body, request.ContentLength, MaxBodyBytes, cancellationToken);

    /// <summary>
    /// The one JSON body reader of the API's hand-read bodies: 413 over the size limit, 400 for a body that is not a
    /// JSON object, and 400 listing every wrongly typed property; a handler validates the record's values after.
    /// </summary>
    /// <typeparam name="T">The request record.</typeparam>
    /// <param name="codePrefix">The problem codes' prefix.</param>
    /// <param name="detail">The refusal's summary when properties have the wrong type.</param>
    /// <param name="required">False: an empty body reads as <c>{}</c>.</param>
    /// <param name="cancellationToken">The caller went away.</param>
    /// <returns>The record and the object it came from, or the refusal.</returns>
    public static async Task<(T? Value, JsonObject? Json, ProblemHttpResult? Error)> ReadAsync<T>(
        HttpRequest request, string codePrefix, string detail, bool required, CancellationToken cancellationToken)
        where T : class
    {
        var read = await RequestBody.ReadObjectAsync(
            request.Body, request.ContentLength, MaxBodyBytes, NodeOptions, DocumentOptions, allowEmpty: !required, cancellationToken);
        if (!read.IsSuccess)
        {
            return (null, null, ApiResults.Problem(read.Error));
        }

        var json = read.Value;
        var problems = new List<OperationProblem>();
        var value = Bind<T>(json, codePrefix, problems);
        return value is null ? (null, json, ApiResults.Problem(OperationError.Invalid(detail, problems))) : (value, json, null);
    }

    /// <summary>Binds one JSON object to a request record, listing every wrongly typed property in <paramref name="problems"/>.</summary>
    public static T? Bind<T>(JsonObject json, string codePrefix, List<OperationProblem> problems)
        where T : class => RequestBody.Bind<T>(json, BindOptions, codePrefix, problems);

    /// <summary>
    /// Binds one JSON object to a request record without giving up on a wrongly typed property: each is listed in
    /// <paramref name="problems"/> and left out, so the caller can check the rest in the same refusal.
    /// </summary>
    public static T? BindEach<T>(JsonObject json, string codePrefix, List<OperationProblem> problems)
        where T : class => RequestBody.BindEach<T>(json, BindOptions, codePrefix, problems);

    private static JsonSerializerOptions CreateBindOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.Strict };
        Configure(options);
        return options;
    }
}
