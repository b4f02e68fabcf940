using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Inference.Registry;
using Designer.Inference.Serving;

namespace Designer.Inference.Remote;

/// <summary>
/// <see cref="IInferenceClient"/> over HTTP to a <c>Designer.InferenceHost</c>. The host's problem responses become
/// the same exceptions the in-process client throws: 404 → <see cref="ModelNotFoundException"/>, 503 →
/// <see cref="InferenceQueueFullException"/>, 504 → <see cref="TimeoutException"/>, 400 → <see cref="ArgumentException"/>.
/// Retries, timeouts and the circuit breaker live in the HTTP pipeline (see
/// <see cref="RemoteInferenceServiceCollectionExtensions.AddRemoteInferenceClient"/>).
/// </summary>
public sealed class RemoteInferenceClient : IInferenceClient
{
    private readonly HttpClient _http;

    /// <summary>Creates the client.</summary>
    /// <param name="http">A client whose base address is the host's root URL.</param>
    public RemoteInferenceClient(HttpClient http) => _http = http ?? throw new ArgumentNullException(nameof(http));

    /// <inheritdoc />
    public async Task<PredictionResult> PredictAsync(string model, int? version, IReadOnlyList<float[]> rows, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(rows);
        using var response = await _http.PostAsJsonAsync(
            $"v1/models/{Uri.EscapeDataString(model)}/predict", new PredictRequest(version, rows), InferenceWireJson.Options, cancellationToken);
        await ThrowOnErrorAsync(response, model, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<PredictResponse>(InferenceWireJson.Options, cancellationToken)
            ?? throw new HttpRequestException("The inference host answered an empty prediction.");
        return body.ToResult();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Select(m => m.ToDescriptor()).ToList();

    /// <inheritdoc />
    public async Task<IReadOnlyList<ServedModel>> ListServedModelsAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken))
            .Where(m => m.Provider is not null)
            .Select(m => new ServedModel(m.Id, m.Version, m.Provider!, m.ProviderReason ?? string.Empty, m.QueueDepth ?? 0))
            .ToList();

    private async Task<IReadOnlyList<ModelVersionInfo>> ListAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("v1/models", cancellationToken);
        await ThrowOnErrorAsync(response, null, cancellationToken);
        return await response.Content.ReadFromJsonAsync<List<ModelVersionInfo>>(InferenceWireJson.Options, cancellationToken) ?? [];
    }

    private static async Task ThrowOnErrorAsync(HttpResponseMessage response, string? model, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = await ReadDetailAsync(response, cancellationToken);
        throw response.StatusCode switch
        {
            HttpStatusCode.NotFound => new ModelNotFoundException(detail),
            HttpStatusCode.ServiceUnavailable => new InferenceQueueFullException(detail) { Model = model },
            HttpStatusCode.GatewayTimeout => new TimeoutException(detail),
            HttpStatusCode.BadRequest => new ArgumentException(detail),
            _ => new HttpRequestException($"The inference host answered {(int)response.StatusCode}: {detail}", null, response.StatusCode),
        };
    }

    private static async Task<string> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            if (JsonNode.Parse(text) is JsonObject problem)
            {
                var detail = problem["detail"]?.ToString() ?? problem["title"]?.ToString() ?? text;
                return problem["errors"] is JsonArray errors ? $"{detail} {errors.ToJsonString()}" : detail;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a problem document: report the raw text.
        }

        return string.IsNullOrWhiteSpace(text) ? response.ReasonPhrase ?? response.StatusCode.ToString() : text;
    }
}
