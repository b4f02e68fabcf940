using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>
/// Stands in for a Qdrant server: validates each request body against the OpenAPI request schema of its path and
/// method, records it, and answers with a canned response that is itself validated against the response schema
/// before the adapter sees it. Any schema violation fails the request with an exception naming the errors.
/// </summary>
internal sealed class FakeQdrantHandler(OpenApiSchemaValidator schema) : HttpMessageHandler
{
    private readonly Queue<(int Status, string Body)> _responses = new();

    public List<(HttpMethod Method, string PathAndQuery, JsonNode? Body)> Requests { get; } = [];

    public void Respond(int status, string body) => _responses.Enqueue((status, body));

    /// <summary>Queues Qdrant's usual envelope around <paramref name="result"/>.</summary>
    public void RespondOk(string result) => Respond(200, $$"""{"time":0.001,"status":"ok","result":{{result}}}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        JsonNode? body = null;
        if (request.Content is not null)
        {
            body = JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
            var errors = schema.Validate(body, schema.RequestSchema(request.Method.Method, path));
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Request {request.Method} {path} violates the schema: {string.Join("; ", errors)}");
            }
        }

        Requests.Add((request.Method, request.RequestUri.PathAndQuery, body));
        if (!_responses.TryDequeue(out var response))
        {
            throw new InvalidOperationException($"No canned response for {request.Method} {path}.");
        }

        var responseErrors = schema.Validate(JsonNode.Parse(response.Body), schema.ResponseSchema(request.Method.Method, path, response.Status));
        if (responseErrors.Count > 0)
        {
            throw new InvalidOperationException($"Canned response for {request.Method} {path} violates the schema: {string.Join("; ", responseErrors)}");
        }

        return new HttpResponseMessage((HttpStatusCode)response.Status) { Content = new StringContent(response.Body, Encoding.UTF8, "application/json") };
    }
}
