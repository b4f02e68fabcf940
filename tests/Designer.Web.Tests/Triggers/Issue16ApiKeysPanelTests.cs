using Bunit;
using Designer.Web.Components.Shared;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Triggers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Triggers;

/// <summary>Issue 16: the workflow page's webhook API key panel.</summary>
public sealed class Issue16ApiKeysPanelTests : UiTestContext
{
    [Fact]
    public async Task Panel_Issue16_CreateShowsSecretOnceWithCurlRotateAndRevokeAfterConfirmation()
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1");
        AddTriggerServices();
        SignIn("operator-1", "operator");
        var cut = Render<ApiKeysPanel>(p => p.Add(x => x.WorkflowId, id));

        // Act 1: no name, then a name.
        cut.Find("[data-testid=api-key-create]").Click();
        var problems = cut.FindAll("[data-testid=problem]").Select(p => p.TextContent).ToList();
        cut.Find("[data-testid=api-key-name]").Change("ticketing");
        cut.Find("[data-testid=api-key-create]").Click();
        var key = cut.Find("[data-testid=api-key-value]").TextContent;
        var curl = cut.Find("[data-testid=api-key-curl]").TextContent;
        cut.Find("[data-testid=api-key-copy]").Click();

        // Act 2: rotate, then revoke (cancel once, then confirm).
        cut.Find("[data-testid=api-key-rotate]").Click();
        var rotated = cut.Find("[data-testid=api-key-value]").TextContent;
        cut.Find("[data-testid=api-key-revoke]").Click();
        cut.Find("[data-testid=api-key-confirm-no]").Click();
        var activeAfterCancel = cut.Find("[data-testid=api-key-state]").TextContent;
        cut.Find("[data-testid=api-key-revoke]").Click();
        cut.Find("[data-testid=api-key-confirm-yes]").Click();

        // Assert
        Assert.Contains(problems, p => p.Contains("name is required", StringComparison.Ordinal));
        Assert.StartsWith("dsk_", key, StringComparison.Ordinal);
        Assert.Contains($"/hooks/{id}?wait=PT10S", curl, StringComparison.Ordinal);
        Assert.Contains($"Authorization: Bearer {key}", curl, StringComparison.Ordinal);
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "navigator.clipboard.writeText" && (string?)i.Arguments[0] == key);
        Assert.NotEqual(key, rotated);
        Assert.Equal("active", activeAfterCancel);
        Assert.Equal("revoked", cut.Find("[data-testid=api-key-state]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=api-key-value]"));
        Assert.Empty(cut.FindAll("[data-testid=api-key-rotate]"));
        Assert.DoesNotContain(rotated, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Panel_Issue16_AuthorSeesNothing()
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1");
        AddTriggerServices();
        SignIn("author-1", "author");

        // Act
        var cut = Render<ApiKeysPanel>(p => p.Add(x => x.WorkflowId, id));

        // Assert
        Assert.Empty(cut.FindAll("[data-testid=api-keys]"));
    }

    private void AddTriggerServices()
    {
        Services.AddSingleton(AppServices.GetRequiredService<Designer.Persistence.IWorkflowApiKeyStore>());
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddScoped<ApiKeyService>();
    }
}
