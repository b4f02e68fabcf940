using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Designer.Web.Components.Shared;

/// <summary>Asks for a review comment; returns it as the dialog's data.</summary>
public sealed partial class CommentDialog
{
    private string? _comment;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>Reject needs a comment; approve does not.</summary>
    [Parameter]
    public bool CommentRequired { get; set; }

    /// <summary>The confirm button's text.</summary>
    [Parameter]
    public string ActionText { get; set; } = "OK";

    /// <summary>What confirming will do, shown above the comment.</summary>
    [Parameter]
    public string? Message { get; set; }

    /// <summary>The comment to start from (e.g. typed on the card already).</summary>
    [Parameter]
    public string? Comment { get; set; }

    /// <inheritdoc />
    protected override void OnInitialized() => _comment ??= Comment;

    private bool CanSubmit => !CommentRequired || !string.IsNullOrWhiteSpace(_comment);

    private void Submit() => Dialog.Close(DialogResult.Ok(_comment ?? string.Empty));

    private void Cancel() => Dialog.Cancel();
}
