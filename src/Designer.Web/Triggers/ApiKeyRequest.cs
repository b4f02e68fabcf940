namespace Designer.Web.Triggers;

/// <summary>
/// The body of an API key's creation, bound by <see cref="Api.ApiBody.ReadAsync{T}"/>; <see cref="ApiKeyService"/>
/// checks the values and lists every problem, a wrongly typed property included.
/// </summary>
/// <param name="Name">Who calls with the key, 1 to 200 characters; required.</param>
/// <param name="Signed">Whether calls must carry an HMAC signature as well (false when left out).</param>
public sealed record ApiKeyRequest(string? Name, bool? Signed);
