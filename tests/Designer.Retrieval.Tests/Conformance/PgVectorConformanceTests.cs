using Designer.Retrieval.Indexes;
using Designer.Retrieval.Postgres;
using Designer.Retrieval.Tests.Support;

namespace Designer.Retrieval.Tests.Conformance;

/// <summary>
/// The conformance suite against PostgreSQL + pgvector, reached through DESIGNER_TEST_PGVECTOR (PGlite over the wire
/// protocol in development and CI). Tables are namespaced by a random prefix, since PGlite serves one database.
/// </summary>
public sealed class PgVectorConformanceTests : VectorIndexConformanceTests
{
    public const string Variable = "DESIGNER_TEST_PGVECTOR";

    protected override Task<IVectorIndexProvider> CreateProviderAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        TestEnvironment.Require(!string.IsNullOrWhiteSpace(connectionString), $"{Variable} is not set (an Npgsql connection string to PostgreSQL with pgvector, e.g. PGlite); pgvector tests skipped.");
        var prefix = "t" + Guid.NewGuid().ToString("N")[..8] + "_";
        return Task.FromResult<IVectorIndexProvider>(new PgVectorIndexProvider(connectionString!, new PgVectorOptions { TablePrefix = prefix }));
    }
}
