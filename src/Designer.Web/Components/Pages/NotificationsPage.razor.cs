using Designer.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Designer.Web.Components.Pages;

/// <summary>
/// Administrators see the notification dead letters (issue 16) and re-queue one: the same store as
/// <c>/api/notifications/dead-letters</c>, so the retry is audited the same way.
/// </summary>
public sealed partial class NotificationsPage
{
    private const int PageSize = 50;
    private Page<NotificationRecord>? _page;
    private int _pageNumber = 1;
    private bool _busy;
    private string? _message;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private INotificationStore Notifications { get; set; } = default!;

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => _page = await Notifications.ListDeadLettersAsync(_pageNumber, PageSize, CancellationToken.None);

    private async Task PageAsync(int page)
    {
        _pageNumber = page;
        await LoadAsync();
    }

    private async Task RetryAsync(NotificationRecord letter)
    {
        _busy = true;
        try
        {
            var actor = (await AuthenticationState).User.ToActor();
            var retried = await Notifications.RetryDeadLetterAsync(letter.Id, actor, CancellationToken.None);
            _message = retried is null
                ? $"The {letter.EventType} event for {letter.Subscriber} was already retried."
                : $"The {letter.EventType} event for {letter.Subscriber} is queued again.";
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
