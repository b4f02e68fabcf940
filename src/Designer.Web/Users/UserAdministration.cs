using System.Net.Mail;
using System.Text.Json.Nodes;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Designer.Web.Users;

/// <summary>
/// Accounts and roles, for administrators (the API and the Users page both call this). Every change is written with
/// its audit entry in one governance transaction, which also serialises the rules that read other accounts: the last
/// active administrator cannot be demoted or locked, and nobody changes their own roles, lock or password here (four
/// eyes: another administrator does it). Each change renews the user's security stamp, so refresh tokens die at once
/// and open pages re-check roles within a minute.
/// </summary>
internal sealed class UserAdministration(UserManager<DesignerUser> users, DesignerDbContext db, TimeProvider time)
{
    public const int MaxDisplayNameLength = 200;
    private const int MaxEmailLength = 256;
    private const string EntityType = "user";

    /// <summary>The roles an administrator may grant: the five reading roles and <c>pii-reader</c>.</summary>
    public static readonly IReadOnlyList<string> AssignableRoles = [.. DesignerRoles.All, DesignerRoles.PiiReader];

    /// <summary>Lists accounts by e-mail, optionally only those whose e-mail or name contains <paramref name="search"/>.</summary>
    public async Task<Page<UserView>> ListAsync(int page, int pageSize, string? search, CancellationToken cancellationToken)
    {
        Paging.EnsureValid(page, pageSize);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL UPPER(...) LIKE; no .NET culture is involved.
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var total = await query.LongCountAsync(cancellationToken);
        var rows = await query.OrderBy(u => u.NormalizedEmail).Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToListAsync(cancellationToken);
        var ids = rows.ConvertAll(u => u.Id);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return new Page<UserView>([.. rows.Select(u => View(u, byUser[u.Id]))], page, pageSize, total);
    }

    public Task<OperationResult<CreatedUser>> CreateAsync(CreateUserRequest request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var email = request.Email?.Trim() ?? string.Empty;
        var displayName = string.IsNullOrWhiteSpace(request.DisplayName) ? email.Split('@')[0] : request.DisplayName.Trim();
        var problems = CheckEmail(email);
        problems.AddRange(CheckDisplayName(displayName));
        problems.AddRange(CheckRoles(request.Roles));
        if (problems.Count > 0)
        {
            return Task.FromResult<OperationResult<CreatedUser>>(OperationError.Invalid("The new account is not valid.", problems));
        }

        var roles = Normalise(request.Roles!);
        return AuditedChange.RunAsync(db, time, async ct =>
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                return AuditedOutcome.Refused<OperationResult<CreatedUser>>(OperationError.Conflict($"An account with the e-mail {email} exists."));
            }

            var generated = string.IsNullOrEmpty(request.Password);
            var password = generated ? TemporaryPassword.Create() : request.Password!;
            var user = new DesignerUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return AuditedOutcome.Refused<OperationResult<CreatedUser>>(IdentityProblem("The new account is not valid.", created));
            }

            var granted = await users.AddToRolesAsync(user, roles);
            if (!granted.Succeeded)
            {
                return AuditedOutcome.Refused<OperationResult<CreatedUser>>(IdentityProblem("The roles could not be given.", granted));
            }

            var data = new JsonObject { ["email"] = email, ["displayName"] = displayName, ["roles"] = Json(roles), ["passwordGenerated"] = generated };
            OperationResult<CreatedUser> result = new CreatedUser(View(user, roles), generated ? password : null);
            return new(result, [new AuditDraft(actor, "user.created", EntityType, user.Id, data)]);
        }, cancellationToken);
    }

    public Task<OperationResult<UserView>> SetRolesAsync(string id, SetRolesRequest request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = CheckRoles(request.Roles);
        if (problems.Count > 0)
        {
            return Task.FromResult<OperationResult<UserView>>(OperationError.Invalid("The roles are not valid.", problems));
        }

        var wanted = Normalise(request.Roles!);
        return ChangeAsync(id, actor, "change your own roles", async (user, before, ct) =>
        {
            if (before.Contains(DesignerRoles.Admin) && !wanted.Contains(DesignerRoles.Admin) && await IsLastActiveAdminAsync(user, ct))
            {
                return OperationError.Conflict($"{user.Email} is the last active administrator; make another account administrator first.");
            }

            var removed = await users.RemoveFromRolesAsync(user, before.Except(wanted, StringComparer.Ordinal));
            var added = removed.Succeeded ? await users.AddToRolesAsync(user, wanted.Except(before, StringComparer.Ordinal)) : removed;
            if (!added.Succeeded)
            {
                return IdentityProblem("The roles could not be changed.", added);
            }

            return new Change(wanted, "user.roles.changed", new JsonObject { ["before"] = Json(before), ["after"] = Json(wanted) });
        }, cancellationToken);
    }

    public Task<OperationResult<UserView>> LockAsync(string id, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, actor, "lock your own account", async (user, roles, ct) =>
        {
            if (roles.Contains(DesignerRoles.Admin) && await IsLastActiveAdminAsync(user, ct))
            {
                return OperationError.Conflict($"{user.Email} is the last active administrator and cannot be locked.");
            }

            await users.SetLockoutEnabledAsync(user, true);
            var locked = await users.SetLockoutEndDateAsync(user, LockedForGood);
            return locked.Succeeded ? new Change(roles, "user.locked", null) : IdentityProblem("The account could not be locked.", locked);
        }, cancellationToken);

    public Task<OperationResult<UserView>> UnlockAsync(string id, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, actor, "unlock your own account", async (user, roles, ct) =>
        {
            var unlocked = await users.SetLockoutEndDateAsync(user, null);
            if (unlocked.Succeeded)
            {
                await users.ResetAccessFailedCountAsync(user);
            }

            return unlocked.Succeeded ? new Change(roles, "user.unlocked", null) : IdentityProblem("The account could not be unlocked.", unlocked);
        }, cancellationToken);

    public async Task<OperationResult<PasswordReset>> ResetPasswordAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        var password = TemporaryPassword.Create();
        var result = await ChangeAsync(id, actor, "reset your own password here", async (user, roles, ct) =>
        {
            var removed = await users.RemovePasswordAsync(user);
            var added = removed.Succeeded ? await users.AddPasswordAsync(user, password) : removed;
            return added.Succeeded ? new Change(roles, "user.password.reset", null) : IdentityProblem("The password could not be reset.", added);
        }, cancellationToken);
        return result.IsSuccess ? new PasswordReset(result.Value!, password) : result.Error!;
    }

    private static DateTimeOffset LockedForGood => new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The frame of every change to an existing account: find it, refuse changes to oneself, apply inside the
    /// governance transaction, renew the security stamp, record the entry (with the e-mail, so the log reads alone).
    /// </summary>
    private Task<OperationResult<UserView>> ChangeAsync(
        string id, Actor actor, string selfAction, Func<DesignerUser, IReadOnlyList<string>, CancellationToken, Task<OperationResult<Change>>> apply, CancellationToken cancellationToken)
    {
        if (string.Equals(id, actor.Id, StringComparison.Ordinal))
        {
            return Task.FromResult<OperationResult<UserView>>(OperationError.Forbidden($"You cannot {selfAction}; another administrator must do it."));
        }

        return AuditedChange.RunAsync(db, time, async ct =>
        {
            if (await users.FindByIdAsync(id) is not { } user)
            {
                return AuditedOutcome.Refused<OperationResult<UserView>>(OperationError.NotFound($"No account has the id {id}."));
            }

            var before = Normalise([.. await users.GetRolesAsync(user)]);
            var applied = await apply(user, before, ct);
            if (!applied.IsSuccess)
            {
                return AuditedOutcome.Refused<OperationResult<UserView>>(applied.Error!);
            }

            var stamped = await users.UpdateSecurityStampAsync(user);
            if (!stamped.Succeeded)
            {
                return AuditedOutcome.Refused<OperationResult<UserView>>(IdentityProblem("The account's sessions could not be ended.", stamped));
            }

            var change = applied.Value!;
            var data = change.Data ?? [];
            data["email"] = user.Email;
            OperationResult<UserView> view = View(user, change.Roles);
            return new(view, [new AuditDraft(actor, change.Action, EntityType, user.Id, data)]);
        }, cancellationToken);
    }

    /// <summary>Whether <paramref name="user"/> is the only administrator who can still sign in.</summary>
    private async Task<bool> IsLastActiveAdminAsync(DesignerUser user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var admins = await users.GetUsersInRoleAsync(DesignerRoles.Admin);
        cancellationToken.ThrowIfCancellationRequested();
        return !admins.Any(a => a.Id != user.Id && (a.LockoutEnd is null || a.LockoutEnd <= now));
    }

    private UserView View(DesignerUser user, IEnumerable<string> roles)
    {
        var locked = user.LockoutEnd is { } end && end > time.GetUtcNow();
        return new UserView(user.Id, user.Email ?? string.Empty, user.DisplayName, Normalise([.. roles]), locked, locked ? user.LockoutEnd : null);
    }

    /// <summary>Distinct known roles in the product's order (so lists and audit entries compare as written).</summary>
    private static List<string> Normalise(IReadOnlyList<string> roles) =>
        [.. AssignableRoles.Where(r => roles.Contains(r, StringComparer.OrdinalIgnoreCase))];

    private static List<OperationProblem> CheckEmail(string email)
    {
        if (email.Length == 0)
        {
            return [new OperationProblem("user.email.required", "Give the e-mail the person signs in with.", Field: "email")];
        }

        if (email.Length > MaxEmailLength)
        {
            return [new OperationProblem("user.email.tooLong", $"The e-mail is longer than {MaxEmailLength} characters.", Field: "email")];
        }

        return MailAddress.TryCreate(email, out var address) && string.Equals(address.Address, email, StringComparison.Ordinal)
            ? []
            : [new OperationProblem("user.email.invalid", $"'{email}' is not an e-mail address.", Field: "email")];
    }

    private static List<OperationProblem> CheckDisplayName(string name) =>
        name.Length > MaxDisplayNameLength
            ? [new OperationProblem("user.displayName.tooLong", $"The name is longer than {MaxDisplayNameLength} characters.", Field: "displayName")]
            : name.Any(char.IsControl)
                ? [new OperationProblem("user.displayName.invalid", "The name contains control characters.", Field: "displayName")]
                : [];

    private static List<OperationProblem> CheckRoles(IReadOnlyList<string>? roles)
    {
        var problems = new List<OperationProblem>();
        if (roles is null || roles.Count == 0)
        {
            problems.Add(new OperationProblem("user.roles.required", $"Give at least one role: {string.Join(", ", DesignerRoles.All)}.", Field: "roles"));
            return problems;
        }

        foreach (var unknown in roles.Where(r => !AssignableRoles.Contains(r, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal))
        {
            problems.Add(new OperationProblem("user.roles.unknown", $"'{unknown}' is not a role; the roles are {string.Join(", ", AssignableRoles)}.", Field: "roles"));
        }

        if (problems.Count == 0 && !roles.Any(r => DesignerRoles.All.Contains(r, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add(new OperationProblem("user.roles.piiReaderAlone",
                $"{DesignerRoles.PiiReader} is given in addition to a reading role ({string.Join(", ", DesignerRoles.All)}); alone it opens nothing.", Field: "roles"));
        }

        return problems;
    }

    private static OperationError IdentityProblem(string detail, IdentityResult result) => OperationError.Invalid(detail,
        [.. result.Errors.Select(e => new OperationProblem($"user.{char.ToLowerInvariant(e.Code[0])}{e.Code[1..]}", e.Description,
            Field: e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : null))]);

    private static JsonArray Json(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)v)];

    /// <summary>What a change did: the roles the account holds after it, the audit action and its details.</summary>
    private sealed record Change(IReadOnlyList<string> Roles, string Action, JsonObject? Data);
}
