namespace Designer.Inference.ChatModels;

/// <summary>One message of a chat request.</summary>
/// <param name="Role"><c>system</c>, <c>user</c> or <c>assistant</c>.</param>
/// <param name="Text">The (already redacted) text.</param>
public sealed record ChatTurn(string Role, string Text);
