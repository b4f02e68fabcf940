namespace Designer.Runtime.Actions;

/// <summary>What action executors use: the approved connections and one named, resilient HTTP client per connection.</summary>
public sealed class ActionRuntime
{
    private readonly IHttpClientFactory _clients;

    /// <summary>Creates the runtime.</summary>
    /// <param name="options">The validated connections.</param>
    /// <param name="clients">Creates the named clients registered by <see cref="ActionServices.AddActionConnections"/>.</param>
    public ActionRuntime(ActionOptions options, IHttpClientFactory clients)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _clients = clients;
    }

    /// <summary>The approved connections.</summary>
    public ActionOptions Options { get; }

    /// <summary>The named client of a connection.</summary>
    /// <param name="connection">Connection name.</param>
    /// <returns>A client whose pipeline retries, counts attempts and never follows redirects.</returns>
    public HttpClient CreateClient(string connection) => _clients.CreateClient(ActionServices.ClientName(connection));

    /// <summary>Adds a header where .NET keeps it: request headers, or content headers (Content-Type and the like).</summary>
    /// <param name="request">The outgoing request.</param>
    public static void AddHeader(HttpRequestMessage request, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.TryAddWithoutValidation(name, value))
        {
            request.Content ??= new ByteArrayContent([]);
            request.Content.Headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <summary>Adds the connection's credential; only here, so no definition, trace or log ever holds it.</summary>
    /// <param name="request">The outgoing request.</param>
    public static void Authorize(HttpRequestMessage request, ActionConnectionOptions connection)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(connection);
        if (!string.IsNullOrEmpty(connection.BearerSecret))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", connection.BearerSecret);
        }
        else if (!string.IsNullOrEmpty(connection.AuthHeader))
        {
            request.Headers.TryAddWithoutValidation(connection.AuthHeader, connection.AuthValue);
        }
    }
}
