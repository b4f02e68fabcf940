using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Collections;

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
