namespace Designer.Web.Tests.Collections;

public sealed class PgVectorCollectionApiTests(PgVectorCollectionApiFixture fixture) : CollectionApiTests(fixture), IClassFixture<PgVectorCollectionApiFixture>
{
    private readonly PgVectorCollectionApiFixture _fixture = fixture;

    protected override void EnsureProvider()
    {
        if (_fixture.Unavailable is null)
        {
            return;
        }

        var message = $"{PgVectorCollectionApiFixture.Variable} is not set (PostgreSQL with pgvector, e.g. PGlite from scripts/test.sh); skipped.";
        Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), message);
        Assert.Skip(message);
    }
}
