using Designer.Retrieval.Embeddings;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Collections;

/// <summary>One app per provider with the default embedding model trained on a small corpus.</summary>
public abstract class CollectionApiFixture : WebAppFixture
{
    /// <summary>Trains a new version of the default embedding model and returns it.</summary>
    public Task<EmbeddingModelHandle> TrainAsync(IReadOnlyList<string> corpus)
    {
        var catalog = Factory.Services.GetRequiredService<IEmbeddingModelCatalog>();
        return catalog.TrainAsync(catalog.DefaultModel, corpus, TestContext.Current.CancellationToken);
    }

    protected override async Task ConfigureAsync(DesignerWebFactory factory)
    {
        await TrainAsync(CollectionApi.TrainingCorpus());
    }
}

public sealed class SqliteCollectionApiFixture : CollectionApiFixture
{
    protected override Task<DesignerWebFactory> CreateFactoryAsync() => Task.FromResult(new DesignerWebFactory());
}

public sealed class PostgresCollectionApiFixture : CollectionApiFixture
{
    protected override Task<DesignerWebFactory> CreateFactoryAsync() =>
        TestPostgres.CreateFactoryAsync(reason => Unavailable = reason);
}

/// <summary>SQLite storage with every collection's index in PostgreSQL + pgvector (PGlite in development and CI).</summary>
public sealed class PgVectorCollectionApiFixture : CollectionApiFixture
{
    public const string Variable = "DESIGNER_TEST_PGVECTOR";

    protected override Task<DesignerWebFactory> CreateFactoryAsync()
    {
        var connection = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            Unavailable = $"{Variable} is not set.";
            return Task.FromResult(new DesignerWebFactory());
        }

        var factory = new DesignerWebFactory();
        factory.Settings["Designer:Retrieval:IndexBackend"] = "PgVector";
        factory.Settings["Designer:Retrieval:PgVectorConnectionString"] = connection;
        // PGlite serves one database: a random table prefix keeps this app's tables apart.
        factory.Settings["Designer:Retrieval:PgVectorTablePrefix"] = "w" + Guid.NewGuid().ToString("N")[..8] + "_";
        return Task.FromResult(factory);
    }
}
