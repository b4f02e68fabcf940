using System.Text.Json.Nodes;
using Designer.Inference.Registry;
using Designer.Inference.Remote;
using Designer.Inference.Serving;

namespace Designer.InferenceHost.Api;

/// <summary><c>GET /v1/models</c>, <c>GET /v1/models/{id}</c> and <c>POST /v1/models/{id}/predict</c>.</summary>
internal static class ModelApi
{
    public static RouteGroupBuilder MapModelApi(this RouteGroupBuilder v1)
    {
        var models = v1.MapGroup("/models").WithTags("Models");
        models.MapGet("/", ListAsync);
        models.MapGet("/{id}", GetAsync);
        models.MapPost("/{id}/predict", PredictAsync);
        return v1;
    }

    private static async Task<IResult> ListAsync(IModelRegistry registry, IInferenceClient inference, CancellationToken cancellationToken)
    {
        var served = (await inference.ListServedModelsAsync(cancellationToken)).ToDictionary(s => (s.Model, s.Version));
        var models = await registry.ListAsync(cancellationToken);
        return TypedResults.Ok(models.Select(d => ModelVersionInfo.From(d, served.GetValueOrDefault((d.Id, d.Version)))).ToList());
    }

    private static async Task<IResult> GetAsync(string id, IModelRegistry registry, IInferenceClient inference, CancellationToken cancellationToken)
    {
        var versions = (await registry.ListAsync(cancellationToken)).Where(d => d.Id == id).ToList();
        if (versions.Count == 0)
        {
            return HostProblems.NotFound($"Model '{id}' is not registered.");
        }

        var served = (await inference.ListServedModelsAsync(cancellationToken)).ToDictionary(s => (s.Model, s.Version));
        return TypedResults.Ok(new
        {
            id,
            versions = versions.Select(d => ModelVersionInfo.From(d, served.GetValueOrDefault((d.Id, d.Version)))).ToList(),
        });
    }

    private static async Task<IResult> PredictAsync(
        string id, HttpContext context, IModelRegistry registry, IInferenceClient inference,
        IEnumerable<IEmbeddingTextEncoder> encoders, CancellationToken cancellationToken)
    {
        var (body, bad) = await HostJson.ReadObjectAsync(context.Request, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        var errors = new List<string>();
        var version = ReadVersion(body!["version"], errors);
        var hasRows = body.ContainsKey("rows");
        var hasTexts = body.ContainsKey("texts");
        if (hasRows == hasTexts)
        {
            errors.Add("Send exactly one of 'rows' (number arrays) or 'texts' (embedding models only).");
        }

        if (errors.Count > 0)
        {
            return HostProblems.BadRequest("The prediction request is invalid.", errors);
        }

        var descriptor = await registry.GetAsync(id, version, cancellationToken);
        if (descriptor is null || descriptor.Status != ModelStatus.Approved)
        {
            return HostProblems.NotFound(descriptor is null
                ? $"Model '{id}' has no {(version is null ? "approved version" : $"version {version}")}."
                : $"Model '{id}' v{descriptor.Version} is {descriptor.Status}; only approved versions are served.");
        }

        IReadOnlyList<float[]>? rows;
        if (hasTexts)
        {
            if (descriptor.Kind != ModelKind.Embedding)
            {
                return HostProblems.BadRequest($"'texts' is only accepted by embedding models; '{id}' is a {descriptor.Kind}. Send 'rows'.");
            }

            var texts = HostJson.ReadStrings(body["texts"], "texts", errors);
            if (errors.Count > 0)
            {
                return HostProblems.BadRequest("The prediction request is invalid.", errors);
            }

            if (encoders.FirstOrDefault(e => e.CanEncode(descriptor)) is not { } encoder)
            {
                return TypedResults.Problem($"No text encoder is registered for '{id}' v{descriptor.Version}; send 'rows'.",
                    statusCode: StatusCodes.Status501NotImplemented, title: "No text encoder");
            }

            rows = encoder.Encode(descriptor, texts!).Rows;
        }
        else
        {
            rows = RowParser.Parse(body["rows"], InputWidth(descriptor), errors);
            if (rows is null)
            {
                return HostProblems.BadRequest("The rows do not fit the model.", errors);
            }
        }

        return await HostProblems.GuardAsync(context, async () =>
            TypedResults.Ok(PredictResponse.From(await inference.PredictAsync(id, descriptor.Version, rows, cancellationToken))));
    }

    /// <summary>The width of the model's first input (its last dimension).</summary>
    internal static int InputWidth(ModelDescriptor descriptor) =>
        descriptor.Inputs.Count > 0 && descriptor.Inputs[0].Dimensions.Count > 0 ? (int)descriptor.Inputs[0].Dimensions[^1] : 0;

    private static int? ReadVersion(JsonNode? node, List<string> errors)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue<int>(out var version) && version >= 1)
        {
            return version;
        }

        errors.Add("'version' must be a whole number, 1 or more.");
        return null;
    }
}
