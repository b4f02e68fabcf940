using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Designer.Web.Tests.Users;

/// <summary>
/// Issue 18 ("admin user/role page"): administrators manage accounts through <c>/api/users</c> — every problem listed,
/// nothing half-saved, changes audited with the change, sessions ended, nobody acting on themselves — on SQLite and
/// PostgreSQL.
/// </summary>
public abstract class Issue18UserAdministrationTests(UserAdministrationFixture fixture)
{
    protected abstract void EnsureProvider();

    [Fact]
    public async Task Create_GeneratedPassword_SignsInWithRolesAndAuditsWithoutThePassword()
    {
        // Arrange
        EnsureProvider();

        // Act
        var (id, email, password) = await fixture.CreateUserAsync(["operator", "viewer"]);
        var (tokens, status) = await fixture.LoginAsync(email, password);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var me = await fixture.ClientWithToken(tokens!).GetFromJsonAsync<JsonObject>("/api/auth/me");
        Assert.Equal(["operator", "viewer"], me!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var audit = await AuditForAsync(id);
        var created = Assert.Single(audit, e => e["action"]!.GetValue<string>() == "user.created");
        Assert.Equal("admin@demo.local", created["actorName"]!.GetValue<string>());
        Assert.DoesNotContain(password, created.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(email, created.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_EveryFieldWrong_ListsEachProblemAndCreatesNothing()
    {
        // Arrange
        EnsureProvider();
        var body = new { email = "not an e-mail", displayName = new string('n', 201), roles = new[] { "root", "pii-reader" } };

        // Act
        var response = await fixture.Admin.PostAsJsonAsync("/api/users", body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = await CodesAsync(response);
        Assert.Contains("user.email.invalid", codes);
        Assert.Contains("user.displayName.tooLong", codes);
        Assert.Contains("user.roles.unknown", codes);
        var list = await fixture.Admin.GetFromJsonAsync<JsonObject>("/api/users?search=not%20an");
        Assert.Equal(0, list!["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Create_WeakPasswordOrPiiReaderAlone_RefusedWithReasons()
    {
        // Arrange
        EnsureProvider();
        var email = $"weak{Guid.NewGuid():N}@example.test";

        // Act
        var weak = await fixture.Admin.PostAsJsonAsync("/api/users", new { email, roles = new[] { "viewer" }, password = "short" });
        var alone = await fixture.Admin.PostAsJsonAsync("/api/users", new { email, roles = new[] { "pii-reader" } });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains(await CodesAsync(weak), c => c.StartsWith("user.password", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode);
        Assert.Contains("user.roles.piiReaderAlone", await CodesAsync(alone));
        var list = await fixture.Admin.GetFromJsonAsync<JsonObject>($"/api/users?search={email}");
        Assert.Equal(0, list!["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Create_ExistingEmail_Conflict()
    {
        // Arrange
        EnsureProvider();
        var (_, email, _) = await fixture.CreateUserAsync(["viewer"]);

        // Act
        var again = await fixture.Admin.PostAsJsonAsync("/api/users", new { email, roles = new[] { "author" } });

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task SetRoles_Change_TakesEffectAtNextLoginAndAuditsBeforeAndAfter()
    {
        // Arrange
        EnsureProvider();
        var (id, email, password) = await fixture.CreateUserAsync(["viewer"]);

        // Act
        var response = await fixture.Admin.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = new[] { "approver", "pii-reader" } });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (tokens, _) = await fixture.LoginAsync(email, password);
        var me = await fixture.ClientWithToken(tokens!).GetFromJsonAsync<JsonObject>("/api/auth/me");
        Assert.Equal(["approver"], me!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var changed = Assert.Single(await AuditForAsync(id), e => e["action"]!.GetValue<string>() == "user.roles.changed");
        var data = JsonNode.Parse(changed["dataJson"]!.GetValue<string>())!;
        Assert.Equal("[\"viewer\"]", data["before"]!.ToJsonString());
        Assert.Equal("[\"approver\",\"pii-reader\"]", data["after"]!.ToJsonString());
        var verify = await fixture.Admin.GetFromJsonAsync<JsonObject>("/api/audit/verify");
        Assert.True(verify!["isValid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SetRolesLockOrReset_OwnAccount_ForbiddenAndUnchanged()
    {
        // Arrange
        EnsureProvider();
        var me = await fixture.Admin.GetFromJsonAsync<JsonObject>("/api/auth/me");
        var id = me!["id"]!.GetValue<string>();

        // Act
        var roles = await fixture.Admin.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = new[] { "admin", "pii-reader" } });
        var locked = await fixture.Admin.PostAsJsonAsync($"/api/users/{id}/lock", new { });
        var reset = await fixture.Admin.PostAsJsonAsync($"/api/users/{id}/password", new { });

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, roles.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
        Assert.Empty(await AuditForAsync(id));
    }

    [Fact]
    public async Task Lock_User_LoginRefusedRefreshTokenDeadUntilUnlocked()
    {
        // Arrange
        EnsureProvider();
        var (id, email, password) = await fixture.CreateUserAsync(["operator"]);
        var (tokens, _) = await fixture.LoginAsync(email, password);

        // Act
        var locked = await fixture.Admin.PostAsJsonAsync($"/api/users/{id}/lock", new { });
        var (_, loginWhileLocked) = await fixture.LoginAsync(email, password);
        var refresh = await fixture.Factory.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens!["refreshToken"]!.GetValue<string>() });
        var unlocked = await fixture.Admin.PostAsJsonAsync($"/api/users/{id}/unlock", new { });
        var (_, loginAfterUnlock) = await fixture.LoginAsync(email, password);

        // Assert
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.True((await locked.Content.ReadFromJsonAsync<JsonObject>())!["locked"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, loginWhileLocked);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, loginAfterUnlock);
    }

    [Fact]
    public async Task ResetPassword_User_OldPasswordFailsNewOneWorks()
    {
        // Arrange
        EnsureProvider();
        var (id, email, password) = await fixture.CreateUserAsync(["author"], "Chosen-pass-9");

        // Act
        var reset = await fixture.Admin.PostAsJsonAsync($"/api/users/{id}/password", new { });
        var fresh = (await reset.Content.ReadFromJsonAsync<JsonObject>())!["temporaryPassword"]!.GetValue<string>();

        // Assert
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.LoginAsync(email, password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.LoginAsync(email, fresh)).Status);
        Assert.DoesNotContain(fresh, string.Concat((await AuditForAsync(id)).Select(e => e.ToJsonString())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_UnknownUser_NotFound()
    {
        // Arrange
        EnsureProvider();

        // Act
        var response = await fixture.Admin.PostAsJsonAsync($"/api/users/{Guid.NewGuid()}/lock", new { });

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<List<JsonObject>> AuditForAsync(string id)
    {
        var page = await fixture.Admin.GetFromJsonAsync<JsonObject>($"/api/audit?entityId={id}");
        return [.. page!["items"]!.AsArray().Select(e => e!.AsObject())];
    }

    private static async Task<List<string>> CodesAsync(HttpResponseMessage response)
    {
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return [.. problem["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>())];
    }
}
