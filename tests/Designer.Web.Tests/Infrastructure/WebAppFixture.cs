namespace Designer.Web.Tests.Infrastructure;

/// <summary>
/// One app per provider for a test class, with one logged-in client per role (created on first use). Derived fixtures
/// choose the provider (<see cref="CreateFactoryAsync"/>) and set their settings or seed data in
/// <see cref="ConfigureAsync"/>.
/// </summary>
public abstract class WebAppFixture : IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> _clients = [];
    private DesignerWebFactory? _factory;

    /// <summary>Why the provider is unavailable, or null.</summary>
    public string? Unavailable { get; protected set; }

    public DesignerWebFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    public async Task<HttpClient> ClientAsync(string role)
    {
        if (!_clients.TryGetValue(role, out var client))
        {
            client = await Factory.ClientForAsync(role);
            _clients[role] = client;
        }

        return client;
    }

    public async ValueTask InitializeAsync()
    {
        _factory = await CreateFactoryAsync();
        await ConfigureAsync(_factory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract Task<DesignerWebFactory> CreateFactoryAsync();

    /// <summary>Settings and seed data, once the factory exists.</summary>
    protected virtual Task ConfigureAsync(DesignerWebFactory factory) => Task.CompletedTask;
}
