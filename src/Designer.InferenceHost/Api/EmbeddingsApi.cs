using System.Text.Json.Nodes;
using Designer.Inference.Registry;
using Designer.Inference.Serving;

namespace Designer.InferenceHost.Api;

/// <summary>
/// <c>POST /v1/embeddings</c>, OpenAI-compatible: <c>{ model, input: string | string[], encoding_format?: "float" | "base64",
/// input_type?: "query" | "document" }</c> (<c>input_type</c> is ours: queries take the model's query prefix)
/// → <c>{ object: "list", data: [{ object: "embedding", index, embedding }], model, usage }</c>; with <c>base64</c> each
/// embedding is the little-endian float32 bytes in base64, which the official OpenAI SDKs ask for by default.
/// <c>model</c> is a model id (newest approved version) or <c>id@version</c> (that version, if approved). Vectors come only
/// from a registered, approved embedding model (the pretrained all-MiniLM-L6-v2 is registered at start). Inputs longer
/// than the model's window are truncated and listed in <c>designer_truncated</c>; blank inputs are refused.
/// </summary>
internal static partial class EmbeddingsApi
{
    /// <summary>Most inputs in one request (OpenAI's limit).</summary>
    public const int MaxInputs = 2048;

    public static RouteGroupBuilder MapEmbeddingsApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/embeddings", EmbedAsync).WithTags("Embeddings");
        return v1;
    }

    private static async Task<IResult> EmbedAsync(
        HttpContext context, IModelRegistry registry, IInferenceClient inference,
        IEnumerable<IEmbeddingTextEncoder> encoders, CancellationToken cancellationToken)
    {
        var (body, bad) = await HostJson.ReadObjectAsync(context.Request, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        var (model, inputs, base64, isQuery, errors) = Validate(body!);
        if (errors.Count > 0)
        {
            return HostProblems.BadRequest("The embeddings request is invalid.", errors);
        }

        var embeddingModels = (await registry.ListAsync(cancellationToken)).Where(d => d.Kind == ModelKind.Embedding).ToList();
        if (embeddingModels.Count == 0)
        {
            return HostProblems.NotFound("No embedding model is registered in this inference host yet (the embedding model comes with the retrieval module); no vectors can be produced.");
        }

        // "id@version" pins a version (a collection compares only vectors of the version it was embedded with).
        var (id, version) = SplitVersion(model!);
        var descriptor = id is null ? null : await registry.GetAsync(id, version, cancellationToken);
        if (descriptor is null || descriptor.Kind != ModelKind.Embedding || descriptor.Status != ModelStatus.Approved)
        {
            return HostProblems.NotFound(
                $"'{model}' is not an approved embedding model. Registered embedding models: {string.Join(", ", embeddingModels.Select(d => d.Id).Distinct())}.");
        }

        if (encoders.FirstOrDefault(e => e.CanEncode(descriptor)) is not { } encoder)
        {
            return TypedResults.Problem($"No text encoder is registered for '{model}' v{descriptor.Version}.",
                statusCode: StatusCodes.Status501NotImplemented, title: "No text encoder");
        }

        return await HostProblems.GuardAsync(context, async () =>
        {
            var encoded = isQuery ? encoder.EncodeQueries(descriptor, inputs!) : encoder.Encode(descriptor, inputs!);
            var result = await inference.PredictAsync(descriptor.Id, descriptor.Version, encoded.Rows, cancellationToken);
            return TypedResults.Ok(new EmbeddingsResponse(
                "list",
                result.Rows.Select((row, i) => new EmbeddingItem("embedding", i, base64 ? ToBase64(row.Scores) : row.Scores)).ToList(),
                model!,
                new EmbeddingsUsage(encoded.TokenCount, encoded.TokenCount))
            {
                Truncated = encoded.Truncated.Count > 0 ? encoded.Truncated : null,
            });
        });
    }

    private static (string? Id, int? Version) SplitVersion(string model)
    {
        var at = model.LastIndexOf('@');
        var id = at < 0 ? model : model[..at];
        if (!ModelIdPattern().IsMatch(id))
        {
            return (null, null);
        }

        return at < 0 ? (id, null)
            : int.TryParse(model.AsSpan(at + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) && version > 0
                ? (id, version)
                : (null, null);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial System.Text.RegularExpressions.Regex ModelIdPattern();

    private static string ToBase64(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    private static (string? Model, List<string>? Inputs, bool Base64, bool IsQuery, List<string> Errors) Validate(JsonObject body)
    {
        var errors = new List<string>();
        string? model = null;
        if (body["model"] is JsonValue m && m.TryGetValue<string>(out var name) && !string.IsNullOrWhiteSpace(name))
        {
            model = name;
        }
        else
        {
            errors.Add("'model' is required: the id of an embedding model.");
        }

        List<string>? inputs = null;
        if (body["input"] is null)
        {
            errors.Add("'input' is required: a string or an array of strings.");
        }
        else
        {
            inputs = HostJson.ReadStrings(body["input"], "input", errors);
            if (inputs is { Count: 0 } or { Count: > MaxInputs })
            {
                errors.Add($"'input' must hold 1 to {MaxInputs} strings.");
            }
            else if (inputs is not null)
            {
                // An embedding of no text is a vector like any other: refuse it instead of returning it silently.
                errors.AddRange(inputs.Select((text, i) => (text, i)).Where(x => string.IsNullOrWhiteSpace(x.text))
                    .Select(x => $"'input[{x.i}]' is empty; an embedding of no text is meaningless."));
            }
        }

        var base64 = false;
        if (body["encoding_format"] is { } format)
        {
            if (format is JsonValue f && f.TryGetValue<string>(out var text) && text is ("float" or "base64"))
            {
                base64 = text == "base64";
            }
            else
            {
                errors.Add("'encoding_format' must be \"float\" or \"base64\".");
            }
        }

        var isQuery = false;
        if (body["input_type"] is { } inputType)
        {
            if (inputType is JsonValue t && t.TryGetValue<string>(out var kind) && kind is ("query" or "document"))
            {
                isQuery = kind == "query";
            }
            else
            {
                errors.Add("'input_type' must be \"query\" or \"document\" (queries take the model's query prefix).");
            }
        }

        return (model, inputs, base64, isQuery, errors);
    }
}
