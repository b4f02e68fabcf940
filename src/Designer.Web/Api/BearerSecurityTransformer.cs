using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Designer.Web.Api;

/// <summary>Documents the bearer token that <c>POST /api/auth/login</c> issues, so Scalar can send it.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Designer API";
        document.Info.Description = "Workflows, drafts, versions, approvals and the audit log. Get a token from POST /api/auth/login.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken from POST /api/auth/login.",
        };
        return Task.CompletedTask;
    }
}
