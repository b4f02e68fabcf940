using System.Security.Claims;
using Designer.Web.Identity;
using Microsoft.AspNetCore.DataProtection;

namespace Designer.Web.Triggers;

/// <summary>
/// Creates, lists, rotates and revokes workflow API keys (issue 16). The key (and the signing secret of a signed
/// key) is returned once; the store keeps the key's hash and the signing secret encrypted with Data Protection,
/// whose key ring every host shares, so any host can check a signature.
/// </summary>
internal sealed class ApiKeyService(IWorkflowApiKeyStore store, IDataProtectionProvider protection)
{
    private const string Purpose = "Designer.WebhookSigning.v1";
    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>Creates a key; <paramref name="bindingProblems"/> (wrongly typed properties) are reported with the rest.</summary>
    public async Task<OperationResult<ApiKeyResponse>> CreateAsync(
        ClaimsPrincipal user, Guid workflowId, ApiKeyRequest request, IReadOnlyList<OperationProblem> bindingProblems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<OperationProblem>(bindingProblems);
        var name = request.Name?.Trim();
        if (name is not { Length: > 0 and <= 200 } && !problems.Any(p => p.Field == "name"))
        {
            problems.Add(new OperationProblem("apiKey.name", "name is required: a string of 1 to 200 characters saying who calls with the key.", Field: "name"));
        }

        var signed = request.Signed ?? false;
        if (problems.Count > 0)
        {
            return OperationError.Invalid("The API key request is invalid.", problems);
        }

        var (secret, key, signingSecret) = NewSecret(signed);
        var created = await store.CreateAsync(workflowId, name!, secret, user.ToActor(), cancellationToken);
        return created.IsSuccess ? ApiKeyResponse.From(created.Value, key, signingSecret) : Error(created.Error);
    }

    public async Task<IReadOnlyList<ApiKeyResponse>> ListAsync(Guid workflowId, CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(workflowId, cancellationToken)).Select(k => ApiKeyResponse.From(k))];

    public async Task<OperationResult<ApiKeyResponse>> RotateAsync(ClaimsPrincipal user, Guid workflowId, Guid keyId, CancellationToken cancellationToken)
    {
        var current = (await store.ListAsync(workflowId, cancellationToken)).FirstOrDefault(k => k.Id == keyId);
        var (secret, key, signingSecret) = NewSecret(current?.Signed == true);
        var rotated = await store.RotateAsync(workflowId, keyId, secret, user.ToActor(), cancellationToken);
        return rotated.IsSuccess ? ApiKeyResponse.From(rotated.Value, key, signingSecret) : Error(rotated.Error);
    }

    public async Task<OperationResult<ApiKeyResponse>> RevokeAsync(ClaimsPrincipal user, Guid workflowId, Guid keyId, CancellationToken cancellationToken)
    {
        var revoked = await store.RevokeAsync(workflowId, keyId, user.ToActor(), cancellationToken);
        return revoked.IsSuccess ? ApiKeyResponse.From(revoked.Value) : Error(revoked.Error);
    }

    /// <summary>The signing secret of a signed key, decrypted for checking a delivery.</summary>
    public string UnprotectSigningSecret(string protectedSecret) => _protector.Unprotect(protectedSecret);

    private (WorkflowApiKeySecret Secret, string Key, string? SigningSecret) NewSecret(bool signed)
    {
        var (key, prefix) = ApiKeySecrets.NewKey();
        var signingSecret = signed ? ApiKeySecrets.NewSigningSecret() : null;
        return (new WorkflowApiKeySecret(prefix, ApiKeySecrets.Hash(key), signingSecret is null ? null : _protector.Protect(signingSecret)), key, signingSecret);
    }

    private static OperationError Error(OperationError error) => error.Kind switch
    {
        OperationErrorKind.NotFound => OperationError.NotFound(error.Detail),
        _ => OperationError.Conflict(error.Detail),
    };
}
