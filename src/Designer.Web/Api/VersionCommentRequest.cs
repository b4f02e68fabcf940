namespace Designer.Web.Api;

/// <summary>
/// The body of a version's approval (optional) or rejection (required), bound by <see cref="ApiJson.ReadAsync{T}"/>;
/// the version endpoints check that a rejection has one and its length.
/// </summary>
/// <param name="Comment">The reviewer's comment, at most <see cref="MaxCommentLength"/> characters.</param>
public sealed record VersionCommentRequest(string? Comment)
{
    /// <summary>The longest comment accepted, in characters.</summary>
    public const int MaxCommentLength = 4000;
}
