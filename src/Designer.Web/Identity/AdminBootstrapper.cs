using Designer.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Designer.Web.Identity;

/// <summary>
/// Creates the administrator named by <c>Designer:Security:AdminEmail</c> when missing, then refuses to start a host
/// whose database has no administrator at all: a production install must not come up without one, and must not
/// get one from a public demo password. Runs after <see cref="DemoSeeder"/> (registration order).
/// </summary>
internal sealed partial class AdminBootstrapper(
    IServiceScopeFactory scopes, IOptions<SecurityOptions> options, ILogger<AdminBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
        var security = options.Value;
        if (!string.IsNullOrWhiteSpace(security.AdminEmail))
        {
            await EnsureAdminAsync(users, security.AdminEmail.Trim(), security.AdminPassword);
        }

        if ((await users.GetUsersInRoleAsync(DesignerRoles.Admin)).Count == 0)
        {
            throw new InvalidOperationException(
                "No administrator exists. Create one on this first start: set Designer__Security__AdminEmail and "
                + "Designer__Security__AdminPassword in the environment, or pass --Designer:Security:AdminEmail=<email> "
                + "--Designer:Security:AdminPassword=<password> on the command line.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureAdminAsync(UserManager<DesignerUser> users, string email, string? password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            if (string.IsNullOrEmpty(password))
            {
                throw new InvalidOperationException($"{SecurityOptions.SectionName}:AdminPassword is required to create {email}.");
            }

            user = new DesignerUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator" };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                // Another host of the cluster may have created it a moment ago.
                user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(
                    $"Creating administrator {email} failed: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
            else
            {
                LogCreated(logger, email);
            }
        }

        if (!await users.IsInRoleAsync(user, DesignerRoles.Admin))
        {
            await users.AddToRoleAsync(user, DesignerRoles.Admin);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created administrator {Email} from configuration")]
    private static partial void LogCreated(ILogger logger, string email);
}
