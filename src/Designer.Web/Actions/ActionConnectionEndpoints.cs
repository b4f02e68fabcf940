using Designer.Web.Identity;

namespace Designer.Web.Actions;

/// <summary><c>GET /api/action-connections</c>: the approved connections (names and base URLs, never secrets) for any reader.</summary>
internal static class ActionConnectionEndpoints
{
    public static RouteGroupBuilder MapActionConnectionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/action-connections").WithTags("Actions")
            .MapGet("/", (ActionConnectionCatalog catalog) => TypedResults.Ok(catalog.List()))
            .RequireAuthorization(DesignerPolicies.Read);
        return api;
    }
}
