using Bunit;
using Designer.Persistence;
using Designer.Web.Components.Pages;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Designer.Web.Tests.Components;

/// <summary>Issue 18: the administrators' Users page over the real account service and a real SQLite database.</summary>
public sealed class Issue18UsersPageTests : UiTestContext, IAsyncLifetime
{
    private IServiceScope? _scope;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _scope = AppServices.CreateScope();
        var roles = _scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in UserAdministration.AssignableRoles)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        var users = _scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
        var me = new DesignerUser { Id = "admin-1", UserName = "admin-1@demo.local", Email = "admin-1@demo.local", DisplayName = "Admin One" };
        await users.CreateAsync(me, "Admin-pass-1");
        await users.AddToRoleAsync(me, "admin");
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }

    protected override void ConfigureAppHost(HostApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<DesignerUser>(o => o.Password.RequiredLength = 8)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DesignerDbContext>();
        builder.Services.AddScoped<UserAdministration>();
    }

    [Fact]
    public async Task Create_GeneratedPassword_ShownOnceAndListed()
    {
        // Arrange
        SignIn("admin-1", "admin");
        var cut = Render<ProvidersHost>(p => p.AddChildContent<UsersPage>());
        cut.WaitForElement("[data-testid=users]");

        // Act
        await cut.Find("[data-testid=user-new]").ClickAsync(new());
        cut.Find("input[data-testid=user-email]").Input("new.person@example.test");
        cut.Find("input[data-testid=role-operator]").Change(true);
        await cut.Find("[data-testid=user-create-submit]").ClickAsync(new());

        // Assert
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=user-row-email]"), c => c.TextContent == "new.person@example.test"));
        Assert.Equal(20, cut.Find("[data-testid=user-secret-value]").TextContent.Length);
        var row = cut.FindAll("tr").Single(r => r.TextContent.Contains("new.person@example.test", StringComparison.Ordinal));
        Assert.Contains("operator, viewer", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BadEmailNoRole_ListsEveryProblem()
    {
        // Arrange
        SignIn("admin-1", "admin");
        var cut = Render<ProvidersHost>(p => p.AddChildContent<UsersPage>());
        cut.WaitForElement("[data-testid=users]");

        // Act
        await cut.Find("[data-testid=user-new]").ClickAsync(new());
        cut.Find("input[data-testid=user-email]").Input("not an e-mail");
        cut.Find("input[data-testid=role-viewer]").Change(false);
        await cut.Find("[data-testid=user-create-submit]").ClickAsync(new());

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=user-error]")));
        var text = cut.Find("[data-testid=user-error]").TextContent;
        Assert.Contains("is not an e-mail address", text, StringComparison.Ordinal);
        Assert.Contains("Give at least one role", text, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=user-row-email]"));
    }

    [Fact]
    public async Task Lock_AfterConfirmation_RowShowsLockedAndOwnRowHasNoManage()
    {
        // Arrange
        var users = _scope!.ServiceProvider.GetRequiredService<UserAdministration>();
        await users.CreateAsync(new CreateUserRequest("analyst@example.test", "Analyst", ["viewer"], null), new Actor("admin-1", "admin-1@demo.local"), CancellationToken.None);
        SignIn("admin-1", "admin");
        var cut = Render<ProvidersHost>(p => p.AddChildContent<UsersPage>());
        cut.WaitForElement("[data-testid=users]");

        // Act
        await cut.Find("[data-testid=user-manage]").ClickAsync(new());
        await cut.Find("[data-testid=user-lock]").ClickAsync(new());
        var question = cut.Find("[data-testid=user-confirm-text]").TextContent;
        await cut.Find("[data-testid=user-confirm]").ClickAsync(new());

        // Assert
        Assert.Contains("Lock analyst@example.test?", question, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("tr"), r => r.TextContent.Contains("analyst@example.test", StringComparison.Ordinal) && r.TextContent.Contains("Locked", StringComparison.Ordinal)));
        Assert.Single(cut.FindAll("[data-testid=user-manage]"));
        Assert.Contains(cut.FindAll("tr"), r => r.TextContent.Contains("admin-1@demo.local", StringComparison.Ordinal) && r.TextContent.Contains("you", StringComparison.Ordinal));
    }

    /// <summary>The scope that holds the page's account service ends with the test.</summary>
    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        _scope?.Dispose();
        await base.DisposeAsync();
    }
}
