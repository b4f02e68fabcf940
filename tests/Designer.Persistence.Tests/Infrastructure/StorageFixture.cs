namespace Designer.Persistence.Tests.Infrastructure;

/// <summary>Owns the databases of one test class: a shared one and any isolated ones a test asks for; drops them all at the end.</summary>
public abstract class StorageFixture : IAsyncLifetime
{
    private readonly List<TestStorage> _created = [];
    private TestStorage? _shared;

    /// <summary>Why this provider cannot be tested here, or null.</summary>
    public string? UnavailableReason { get; protected set; }

    /// <summary>True when an unavailable provider must fail the run instead of skipping (CI=true).</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public abstract string Provider { get; }

    public TestStorage Shared => _shared ?? throw new InvalidOperationException(UnavailableReason ?? "The shared storage was not created.");

    /// <summary>Creates a fresh, migrated database owned by this fixture.</summary>
    public async Task<TestStorage> CreateIsolatedAsync(CancellationToken cancellationToken)
    {
        var storage = await CreateStorageAsync(cancellationToken);
        lock (_created)
        {
            _created.Add(storage);
        }

        return storage;
    }

    public async ValueTask InitializeAsync()
    {
        if (UnavailableReason is null)
        {
            _shared = await CreateIsolatedAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var storage in _created)
        {
            await storage.DisposeAsync();
        }

        await DisposeCoreAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract Task<TestStorage> CreateStorageAsync(CancellationToken cancellationToken);

    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
}
