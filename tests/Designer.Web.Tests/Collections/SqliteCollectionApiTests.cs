namespace Designer.Web.Tests.Collections;

public sealed class SqliteCollectionApiTests(SqliteCollectionApiFixture fixture) : CollectionApiTests(fixture), IClassFixture<SqliteCollectionApiFixture>
{
    protected override void EnsureProvider()
    {
    }
}
