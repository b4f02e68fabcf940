using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Users;

/// <summary>
/// Issue 18: the last administrator who can still sign in can be neither demoted nor locked. Own app: the test locks
/// the seeded administrator, whose access token (self-contained, valid until it expires) then tries both.
/// </summary>
public sealed class Issue18LastAdministratorTests
{
    [Fact]
    public async Task DemoteOrLock_LastActiveAdministrator_ConflictAndUnchanged()
    {
        // Arrange
        await using var factory = new DesignerWebFactory();
        var seeded = await factory.ClientForAsync("admin");
        var email = $"second-admin{Guid.NewGuid():N}@example.test";
        var created = await seeded.PostAsJsonAsync("/api/users", new { email, roles = new[] { "admin" }, password = "Second-admin-7" });
        var secondId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["user"]!["id"]!.GetValue<string>();
        var second = factory.CreateClient();
        var login = await second.PostAsJsonAsync("/api/auth/login", new { email, password = "Second-admin-7" });
        second.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());
        var seededId = (await seeded.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["id"]!.GetValue<string>();
        var lockSeeded = await second.PostAsJsonAsync($"/api/users/{seededId}/lock", new { });

        // Act
        var demote = await seeded.PutAsJsonAsync($"/api/users/{secondId}/roles", new { roles = new[] { "viewer" } });
        var lockSecond = await seeded.PostAsJsonAsync($"/api/users/{secondId}/lock", new { });

        // Assert
        Assert.Equal(HttpStatusCode.OK, lockSeeded.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lockSecond.StatusCode);
        var list = await second.GetFromJsonAsync<JsonObject>($"/api/users?search={email}");
        var row = list!["items"]!.AsArray().Single()!;
        Assert.Equal(["admin"], row["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.False(row["locked"]!.GetValue<bool>());
    }
}
