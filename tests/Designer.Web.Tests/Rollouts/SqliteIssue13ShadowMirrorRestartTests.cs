namespace Designer.Web.Tests.Rollouts;

public sealed class SqliteIssue13ShadowMirrorRestartTests : Issue13ShadowMirrorRestartTests
{
    protected override Task<string?> ConnectionStringAsync() => Task.FromResult<string?>(null);
}
