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
}
