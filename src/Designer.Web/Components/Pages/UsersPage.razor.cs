using Designer.Web.Identity;
using Designer.Web.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Designer.Web.Components.Pages;

/// <summary>
/// Administrators manage accounts: list and search, create (a generated password shown once), change roles, lock or
/// unlock, reset a password. The same service as <c>/api/users</c>, so the rules (last administrator, nobody acts on
/// themselves) and the audit entries are the same.
/// </summary>
public sealed partial class UsersPage
{
    private const int PageSize = 50;
    private Page<UserView>? _page;
    private int _pageNumber = 1;
    private string? _search;
    private string? _me;
    private bool _busy;
    private OperationError? _error;
    private (string Email, string Password)? _secret;
    private bool _creating;
    private string? _newEmail;
    private string? _newName;
    private string? _newPassword;
    private HashSet<string> _newRoles = [];
    private UserView? _managed;
    private HashSet<string> _editRoles = [];
    private PendingAction? _confirm;

    private enum PendingAction
    {
        Lock,
        Unlock,
        ResetPassword,
    }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private UserAdministration Users { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _me = (await AuthenticationState).User.ToActor().Id;
        await LoadAsync();
    }

    private async Task LoadAsync() => _page = await Users.ListAsync(_pageNumber, PageSize, _search, CancellationToken.None);

    private async Task SearchAsync(string? search)
    {
        _search = search;
        _pageNumber = 1;
        await LoadAsync();
    }

    private async Task PageAsync(int page)
    {
        _pageNumber = page;
        await LoadAsync();
    }

    private void OpenCreate()
    {
        _creating = true;
        _error = null;
        _newEmail = _newName = _newPassword = null;
        _newRoles = [DesignerRoles.Viewer];
    }

    private async Task CreateAsync()
    {
        _busy = true;
        try
        {
            var request = new CreateUserRequest(_newEmail, _newName, [.. _newRoles], string.IsNullOrEmpty(_newPassword) ? null : _newPassword);
            var result = await Users.CreateAsync(request, await ActorAsync(), CancellationToken.None);
            _error = result.Error;
            if (result.IsSuccess)
            {
                _creating = false;
                _secret = result.Value!.TemporaryPassword is { } password ? (result.Value.User.Email, password) : null;
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private void Manage(UserView user)
    {
        _managed = user;
        _editRoles = [.. user.Roles];
        _confirm = null;
        _error = null;
    }

    private Task SaveRolesAsync() =>
        ApplyAsync(async actor => await Users.SetRolesAsync(_managed!.Id, new SetRolesRequest([.. _editRoles]), actor, CancellationToken.None));

    private async Task ConfirmAsync()
    {
        var action = _confirm;
        _confirm = null;
        switch (action)
        {
            case PendingAction.Lock:
                await ApplyAsync(actor => Users.LockAsync(_managed!.Id, actor, CancellationToken.None));
                break;
            case PendingAction.Unlock:
                await ApplyAsync(actor => Users.UnlockAsync(_managed!.Id, actor, CancellationToken.None));
                break;
            case PendingAction.ResetPassword:
                _busy = true;
                try
                {
                    var reset = await Users.ResetPasswordAsync(_managed!.Id, await ActorAsync(), CancellationToken.None);
                    _error = reset.Error;
                    if (reset.IsSuccess)
                    {
                        _secret = (reset.Value!.User.Email, reset.Value.TemporaryPassword);
                    }
                }
                finally
                {
                    _busy = false;
                }

                break;
        }
    }

    private async Task ApplyAsync(Func<Actor, Task<OperationResult<UserView>>> change)
    {
        _busy = true;
        try
        {
            var result = await change(await ActorAsync());
            _error = result.Error;
            if (result.IsSuccess)
            {
                Manage(result.Value!);
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<Actor> ActorAsync() => (await AuthenticationState).User.ToActor();

    private string ConfirmText(UserView user) => _confirm switch
    {
        PendingAction.Lock => $"Lock {user.Email}? Sign-in stops and open sessions end.",
        PendingAction.Unlock => $"Unlock {user.Email}?",
        _ => $"Reset the password of {user.Email}? The old one stops working and open sessions end.",
    };
}
