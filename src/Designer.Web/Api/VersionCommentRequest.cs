namespace Designer.Web.Api;

/// <summary>
/// The body of a version's approval (optional) or rejection (required), as the OpenAPI document describes it. The
/// version endpoints read the body by hand so that their refusals keep their wording; this record only names the shape.
/// </summary>
/// <param name="Comment">The reviewer's comment, at most 4,000 characters.</param>
public sealed record VersionCommentRequest(string? Comment);
