using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Runtime.Actions;
using Designer.Runtime.Compilation;
using Designer.Runtime.Expressions;
using Designer.Runtime.Policies;
using Designer.Workflows.Catalogue.Configs;
using Designer.Workflows.Definitions;
using Microsoft.Agents.AI.Workflows;

namespace Designer.Runtime.Executors;

/// <summary>
/// Calls an approved connection (issue 16): renders path, headers and body with the sandbox's templates, refuses any
/// URL outside the connection's base, sends <c>Idempotency-Key: runId:nodeId:attempt</c> (deterministic from the
/// checkpoint, so a recovered run repeats the key), and leaves through <c>ok</c>, <c>client-error</c>,
/// <c>server-error</c> or <c>timeout</c>. The trace gets method, connection, path, status, latency, attempts and the
/// (redacted) response, never a request header: the connection's secret is added here and nowhere recorded.
/// </summary>
public sealed class ActionExecutor : NodeExecutor
{
    private readonly ActionConfig _config;
    private readonly ActionRuntime _actions;

    internal ActionExecutor(NodeDefinition node, ActionConfig config, ActionRuntime actions, RuntimeServices services, RedactionPolicy redaction)
        : base(node, services, redaction)
    {
        _config = config;
        _actions = actions;
    }

    private protected override async ValueTask<NodeOutcome?> ExecuteAsync(NodeScope scope, IWorkflowContext context, CancellationToken cancellationToken)
    {
        if (!_actions.Options.Connections.TryGetValue(_config.Connection, out var connection))
        {
            throw new NodeFaultException(Node.Id, $"connection '{_config.Connection}' is not configured", null);
        }

        if (connection.AllowedMethods.Count > 0 && !connection.AllowedMethods.Contains(_config.Method, StringComparer.Ordinal))
        {
            throw new NodeFaultException(Node.Id, $"method {_config.Method} is not allowed on connection '{_config.Connection}'", null);
        }

        var path = Render(scope, _config.PathTemplate, "pathTemplate");
        if (!ActionUrlResolver.TryResolve(new Uri(connection.BaseUrl), path, out var url, out var refused))
        {
            throw new NodeFaultException(Node.Id, $"pathTemplate: {refused}", null);
        }

        using var request = BuildRequest(scope, connection, url);
        var attempts = new StrongBox<int>();
        request.Options.Set(ActionAttemptCounter.Key, attempts);
        var input = new JsonObject
        {
            ["method"] = _config.Method,
            ["connection"] = _config.Connection,
            ["path"] = path,
            ["idempotencyKey"] = _config.SendIdempotencyKey ? scope.IdempotencyKey : null,
        };

        var timeout = _config.TimeoutMs is { } ms ? TimeSpan.FromMilliseconds(ms) : connection.Timeout;
        using var deadline = new CancellationTokenSource(timeout, Services.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = Services.Time.GetTimestamp();
        try
        {
            using var response = await _actions.CreateClient(_config.Connection).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var body = await ReadBodyAsync(response, connection.MaxResponseBytes, linked.Token);
            var status = (int)response.StatusCode;
            var port = ActionServices.PortFor(response.StatusCode);
            var mapped = port == "ok" ? Map(scope, status, body) : [];
            var outcome = Outcome(port, input, started, attempts.Value, status, body, mapped, null);
            if (port == "ok" && _config.Compensation is { } compensation && outcome.Output is JsonObject output)
            {
                // Rendered now, with the response in view, and kept with the node's output: the undo of a run that
                // fails later (perhaps on another host, after a restart) is read from the trace, not re-rendered.
                output[ActionCompensation.OutputField] = RenderCompensation(scope, compensation, connection, status, body);
            }

            return outcome;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Outcome("timeout", input, started, attempts.Value, null, null, [], $"no answer within {timeout.TotalMilliseconds} ms");
        }
        catch (HttpRequestException ex)
        {
            // Connection refused or reset after every retry: the receiver is unreachable, which the author handles as a server error.
            return Outcome("server-error", input, started, attempts.Value, null, null, [], ex.Message);
        }
    }

    private HttpRequestMessage BuildRequest(NodeScope scope, ActionConnectionOptions connection, Uri url)
    {
        var request = new HttpRequestMessage(new HttpMethod(_config.Method), url);
        if (_config.BodyTemplate is { } template)
        {
            var body = Render(scope, template, "bodyTemplate");
            request.Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(_config.ContentType));
        }

        foreach (var (name, valueTemplate) in _config.Headers ?? [])
        {
            if (ActionConfig.ReservedHeaders.Contains(name.Trim().ToLowerInvariant(), StringComparer.Ordinal)
                || (connection.AuthHeader is { } auth && string.Equals(auth, name.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                throw new NodeFaultException(Node.Id, $"header '{name}' cannot be set by a workflow", null);
            }

            var value = Render(scope, valueTemplate, $"headers.{name}");
            ActionRuntime.AddHeader(request, name, value);
        }

        if (_config.SendIdempotencyKey)
        {
            request.Headers.TryAddWithoutValidation(ActionServices.IdempotencyHeader, scope.IdempotencyKey);
        }

        ActionRuntime.Authorize(request, connection);
        return request;
    }

    private JsonObject RenderCompensation(NodeScope scope, ActionCompensationConfig compensation, ActionConnectionOptions connection, int status, JsonNode? body)
    {
        var variables = (JsonObject)scope.Variables.DeepClone();
        variables["response"] = new JsonObject { ["status"] = status, ["body"] = body?.DeepClone() };
        var path = Render(variables, compensation.PathTemplate, "compensation.pathTemplate");
        if (!ActionUrlResolver.TryResolve(new Uri(connection.BaseUrl), path, out _, out var refused))
        {
            throw new NodeFaultException(Node.Id, $"compensation.pathTemplate: {refused}", null);
        }

        var headers = new JsonObject();
        foreach (var (name, valueTemplate) in compensation.Headers ?? [])
        {
            if (ActionConfig.ReservedHeaders.Contains(name.Trim().ToLowerInvariant(), StringComparer.Ordinal)
                || (connection.AuthHeader is { } auth && string.Equals(auth, name.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                throw new NodeFaultException(Node.Id, $"compensation header '{name}' cannot be set by a workflow", null);
            }

            headers[name] = Render(variables, valueTemplate, $"compensation.headers.{name}");
        }

        return new ActionCompensation(
            _config.Connection,
            compensation.Method,
            path,
            compensation.BodyTemplate is { } template ? Render(variables, template, "compensation.bodyTemplate") : null,
            _config.ContentType,
            headers).ToJson();
    }

    private string Render(JsonObject variables, string template, string field)
    {
        try
        {
            return Services.Sandbox.Render(template, variables);
        }
        catch (ExpressionException ex)
        {
            throw new NodeFaultException(Node.Id, $"{field}: {ex.Message}", ex);
        }
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > limit)
        {
            throw new HttpRequestException($"the response of {response.Content.Headers.ContentLength} bytes exceeds the limit of {limit} bytes");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new HttpRequestException($"the response exceeds the limit of {limit} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (response.Content.Headers.ContentType?.MediaType is { } media && media.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // A receiver that labels text as JSON still gets its body recorded, as text.
            }
        }

        return JsonValue.Create(text);
    }

    private JsonObject Map(NodeScope scope, int status, JsonNode? body)
    {
        var mapped = new JsonObject();
        if (_config.ResponseMapping is not { Count: > 0 } mapping)
        {
            return mapped;
        }

        var variables = (JsonObject)scope.Variables.DeepClone();
        variables["response"] = new JsonObject { ["status"] = status, ["body"] = body?.DeepClone() };
        foreach (var (field, expression) in mapping)
        {
            try
            {
                mapped[field] = Services.Sandbox.Evaluate(expression, variables);
            }
            catch (ExpressionException ex)
            {
                throw new NodeFaultException(Node.Id, $"responseMapping.{field}: {ex.Message}", ex);
            }
        }

        return mapped;
    }

    private NodeOutcome Outcome(string port, JsonObject input, long started, int attempts, int? status, JsonNode? body, JsonObject mapped, string? error)
    {
        var latency = Math.Round(Services.Time.GetElapsedTime(started).TotalMilliseconds, 1);
        var output = new JsonObject
        {
            ["status"] = status,
            ["body"] = body?.DeepClone(),
            ["mapped"] = mapped,
            ["attempts"] = attempts,
            ["error"] = error,
        };
        var data = (JsonObject)input.DeepClone();
        data["status"] = status;
        data["port"] = port;
        data["latencyMs"] = latency;
        data["attempts"] = attempts;
        data["response"] = body?.DeepClone();
        data["error"] = error;
        return new NodeOutcome(port, output) { Input = input, Data = data };
    }
}
