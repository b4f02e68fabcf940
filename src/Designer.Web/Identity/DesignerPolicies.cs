using Microsoft.AspNetCore.Authorization;

namespace Designer.Web.Identity;

/// <summary>Policy names; the role each one admits is decided once, here.</summary>
internal static class DesignerPolicies
{
    /// <summary>Any signed-in user holding one of the five roles.</summary>
    public const string Read = "designer.read";

    /// <summary>Create and edit drafts, submit versions, import.</summary>
    public const string Author = "designer.author";

    /// <summary>Approve, reject, activate (roll back) versions.</summary>
    public const string Approve = "designer.approve";

    /// <summary>Start and cancel runs.</summary>
    public const string Operate = "designer.operate";

    /// <summary>Read and verify the audit log: the compliance roles.</summary>
    public const string Audit = "designer.audit";

    /// <summary>Manage users and settings.</summary>
    public const string Admin = "designer.admin";

    /// <summary>Reveal masked personal data (audited): readers who also hold <c>pii-reader</c>.</summary>
    public const string RevealPii = "designer.pii.reveal";

    /// <summary>Create, fill, re-embed and delete retrieval collections: authors and admins.</summary>
    public const string ManageCollections = "designer.collections.manage";

    /// <summary>Create, rotate and revoke workflow API keys (webhook triggers, issue 16): admins and operators.</summary>
    public const string ManageTriggers = "designer.triggers.manage";

    public static AuthorizationBuilder AddDesignerPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireRole(DesignerRoles.All))
        .AddPolicy(Author, p => p.RequireAuthenticatedUser().RequireRole(DesignerRoles.Author))
        .AddPolicy(Approve, p => p.RequireAuthenticatedUser().RequireRole(DesignerRoles.Approver))
        .AddPolicy(Operate, p => p.RequireAuthenticatedUser().RequireRole(DesignerRoles.Operator))
        .AddPolicy(Audit, p => p.RequireAuthenticatedUser().RequireRole(DesignerRoles.Admin, DesignerRoles.Approver, DesignerRoles.Viewer))
        .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(DesignerRoles.Admin))
        .AddPolicy(RevealPii, p => p.RequireAuthenticatedUser().RequireRole(DesignerRoles.All).RequireRole(DesignerRoles.PiiReader))
        .AddPolicy(ManageCollections, p => p.RequireAuthenticatedUser().RequireRole(DesignerRoles.Author, DesignerRoles.Admin))
        .AddPolicy(ManageTriggers, p => p.RequireAuthenticatedUser().RequireRole(DesignerRoles.Admin, DesignerRoles.Operator))
        .SetFallbackPolicy(null);
}
