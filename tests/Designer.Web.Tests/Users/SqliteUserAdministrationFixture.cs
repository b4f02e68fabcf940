using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Users;

public sealed class SqliteUserAdministrationFixture : UserAdministrationFixture
{
    protected override Task<DesignerWebFactory> CreateFactoryAsync() => Task.FromResult(new DesignerWebFactory());
}
