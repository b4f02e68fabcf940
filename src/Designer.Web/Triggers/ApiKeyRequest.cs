namespace Designer.Web.Triggers;

/// <summary>
/// The body of an API key's creation, as the OpenAPI document describes it. <see cref="ApiKeyService"/> reads the body
/// by hand so that every problem (a wrong type included) is listed with its own code; this record only names the shape.
/// </summary>
/// <param name="Name">Who calls with the key, 1 to 200 characters.</param>
/// <param name="Signed">Whether calls must carry an HMAC signature as well (false when left out).</param>
public sealed record ApiKeyRequest(string Name, bool? Signed);
