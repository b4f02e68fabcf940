using System.Security.Claims;
using Designer.Web.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Designer.Web.Identity;

/// <summary>
/// Re-reads the user behind an open circuit every <see cref="SecurityOptions.CircuitRevalidationInterval"/>: a
/// deleted user, a changed security stamp (logout everywhere, password change) or a changed role set ends the
/// circuit's authentication, so a revoked role stops working in tabs that are already open.
/// </summary>
internal sealed class RoleRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<SecurityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.CircuitRevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
        return await IsStillValidAsync(users, authenticationState.User);
    }

    /// <summary>Whether the principal still matches the stored user: same security stamp, same roles.</summary>
    /// <param name="users">The user manager of a scope.</param>
    /// <param name="principal">The circuit's principal.</param>
    /// <returns>False when the circuit must sign out.</returns>
    internal static async Task<bool> IsStillValidAsync(UserManager<DesignerUser> users, ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return false;
        }

        if (users.SupportsUserSecurityStamp)
        {
            var stamp = principal.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
            if (stamp != await users.GetSecurityStampAsync(user))
            {
                return false;
            }
        }

        var current = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
        var claimed = principal.FindAll(users.Options.ClaimsIdentity.RoleClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return current.SetEquals(claimed);
    }
}
