namespace Designer.Web.Tests.Collections;

public sealed class SqliteCollectionRestartTests : CollectionRestartTests
{
    protected override Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);
}
