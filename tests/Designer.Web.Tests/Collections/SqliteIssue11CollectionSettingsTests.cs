namespace Designer.Web.Tests.Collections;

public sealed class SqliteIssue11CollectionSettingsTests(SqliteCollectionApiFixture fixture)
    : Issue11CollectionSettingsTests(fixture), IClassFixture<SqliteCollectionApiFixture>
{
    protected override void EnsureProvider()
    {
    }
}
