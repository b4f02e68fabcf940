using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Users;

public sealed class PostgresUserAdministrationFixture : UserAdministrationFixture
{
    // Without the server it runs on SQLite; the tests themselves skip through TestPostgres.RequireServer.
    protected override Task<DesignerWebFactory> CreateFactoryAsync() => TestPostgres.CreateFactoryAsync(_ => { });
}
