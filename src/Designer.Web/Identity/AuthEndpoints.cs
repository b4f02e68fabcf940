using System.Security.Claims;
using Designer.Web.Api;
using Designer.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Designer.Web.Identity;

/// <summary>Token login for API clients and cookie logout for the browser.</summary>
internal static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        // The bearer handler writes the tokens itself, so the handlers' result types cannot describe them: say so here.
        auth.MapPost("/login", LoginAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimiting.Login)
            .Produces<AccessTokenResponse>(StatusCodes.Status200OK, "application/json");
        auth.MapPost("/refresh", RefreshAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimiting.Refresh)
            .Produces<AccessTokenResponse>(StatusCodes.Status200OK, "application/json");
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization().DisableAntiforgery();
        auth.MapGet("/antiforgery", Antiforgery).RequireAuthorization();
        auth.MapGet("/me", Me).RequireAuthorization();
        return api;
    }

    /// <summary>
    /// Ends every session of the caller: a new security stamp invalidates all refresh tokens and, at their next
    /// validation, cookies and open circuits; the cookie of this browser is removed now. Access tokens already
    /// issued stay valid until they expire (they are self-contained).
    /// </summary>
    private static async Task<NoContent> LogoutAsync(ClaimsPrincipal principal, SignInManager<DesignerUser> signIn)
    {
        if (await signIn.UserManager.GetUserAsync(principal) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    /// <summary>The token a cookie-authenticated caller sends in <see cref="ApiRequestGuardMiddleware.HeaderName"/>.</summary>
    private static Ok<AntiforgeryToken> Antiforgery(HttpContext context, IAntiforgery antiforgery) =>
        TypedResults.Ok(new AntiforgeryToken(ApiRequestGuardMiddleware.HeaderName, antiforgery.GetAndStoreTokens(context).RequestToken ?? string.Empty));

    /// <summary>The browser's logout: a form post, so antiforgery applies.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (ClaimsPrincipal principal, SignInManager<DesignerUser> signIn, [FromForm] string? returnUrl) =>
        {
            // Also revokes refresh tokens and the cookies of other browsers of this user (new security stamp).
            if (await signIn.UserManager.GetUserAsync(principal) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login");
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Signs in with the bearer scheme (the handler writes <c>{ accessToken, refreshToken, expiresIn }</c>), or with
    /// the cookie when <c>useCookies=true</c>.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request, [FromQuery] bool? useCookies, SignInManager<DesignerUser> signIn)
    {
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(
            request.Email ?? string.Empty, request.Password ?? string.Empty, isPersistent: useCookies == true, lockoutOnFailure: true);
        return result.Succeeded
            ? TypedResults.Empty
            : TypedResults.Problem(
                result.IsLockedOut ? "The account is locked; try again later." : "The email or password is wrong.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Login failed");
    }

    private static async Task<Results<SignInHttpResult, ChallengeHttpResult>> RefreshAsync(
        RefreshRequest request, SignInManager<DesignerUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time)
    {
        var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Challenge();
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static Ok<CurrentUser> Me(ClaimsPrincipal user) => TypedResults.Ok(new CurrentUser(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
        user.Identity?.Name ?? string.Empty,
        DesignerRoles.All.Where(user.IsInRole).ToArray()));

    internal sealed record LoginRequest(string? Email, string? Password);

    internal sealed record RefreshRequest(string RefreshToken);

    internal sealed record AntiforgeryToken(string HeaderName, string RequestToken);

    internal sealed record CurrentUser(string Id, string Name, IReadOnlyList<string> Roles);
}
