using System.Security.Claims;
using Designer.Web.Api;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Web.Users;

/// <summary>
/// Account administration for administrators: list, create (a generated password is returned once), set roles,
/// lock, unlock, reset the password. Rules and audit live in <see cref="UserAdministration"/>.
/// </summary>
internal static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users").RequireAuthorization(DesignerPolicies.Admin);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id}/roles", (UserAdministration users, ClaimsPrincipal user, string id, SetRolesRequest request, CancellationToken ct) =>
            Respond(users.SetRolesAsync(id, request, user.ToActor(), ct)));
        group.MapPost("/{id}/lock", (UserAdministration users, ClaimsPrincipal user, string id, CancellationToken ct) =>
            Respond(users.LockAsync(id, user.ToActor(), ct)));
        group.MapPost("/{id}/unlock", (UserAdministration users, ClaimsPrincipal user, string id, CancellationToken ct) =>
            Respond(users.UnlockAsync(id, user.ToActor(), ct)));
        group.MapPost("/{id}/password", ResetPasswordAsync);
        return api;
    }

    private static async Task<Results<Ok<Page<UserView>>, ProblemHttpResult>> ListAsync(
        UserAdministration users, int? page, int? pageSize, string? search, CancellationToken cancellationToken)
    {
        if (ApiResults.CheckPaging(page, pageSize, out var p, out var size) is ProblemHttpResult problem)
        {
            return problem;
        }

        return TypedResults.Ok(await users.ListAsync(p, size, search, cancellationToken));
    }

    private static async Task<Results<Created<CreatedUser>, ProblemHttpResult>> CreateAsync(
        UserAdministration users, ClaimsPrincipal user, CreateUserRequest request, CancellationToken cancellationToken)
    {
        var result = await users.CreateAsync(request, user.ToActor(), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/users/{result.Value!.User.Id}", result.Value)
            : (ProblemHttpResult)ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<PasswordReset>, ProblemHttpResult>> ResetPasswordAsync(
        UserAdministration users, ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        var result = await users.ResetPasswordAsync(id, user.ToActor(), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : (ProblemHttpResult)ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Respond(Task<OperationResult<UserView>> pending)
    {
        var result = await pending;
        return result.IsSuccess ? TypedResults.Ok(result.Value) : (ProblemHttpResult)ApiResults.Problem(result.Error!);
    }
}
