namespace Designer.Web.Models;

/// <summary>The optional body of approving or rejecting a model or chat-model version; reject requires the comment.</summary>
/// <param name="Comment">Why the approver decided so, at most 4,000 characters.</param>
internal sealed record ModelReviewRequest(string? Comment = null)
{
    /// <summary>The longest comment accepted, in characters.</summary>
    public const int MaxCommentLength = 4000;
}
