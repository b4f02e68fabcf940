using Bunit;
using Designer.Web.Components.Shared;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Designer.Web.Tests.Components;

public sealed class CommentDialogTests : BunitContext
{
    [Fact]
    public async Task Reject_CommentRequired_OkDisabledUntilTyped()
    {
        // Arrange
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        var host = Render<ProvidersHost>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<CommentDialog> { { d => d.CommentRequired, true }, { d => d.ActionText, "reject" } };

        // Act
        var reference = await host.InvokeAsync(() => dialogs.ShowAsync<CommentDialog>("Reject", parameters));
        var disabledBefore = host.Find("[data-testid=comment-ok]").HasAttribute("disabled");
        host.Find("textarea").Input("Threshold too low");
        var disabledAfter = host.Find("[data-testid=comment-ok]").HasAttribute("disabled");
        await host.Find("[data-testid=comment-ok]").ClickAsync(new());
        var result = await reference.Result;

        // Assert
        Assert.True(disabledBefore);
        Assert.False(disabledAfter);
        Assert.Equal("Threshold too low", result!.Data);
    }

    [Fact]
    public async Task Reject_Issue18_OkEnabledWhileTypingWithoutLeavingTheField()
    {
        // Arrange
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        var host = Render<ProvidersHost>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<CommentDialog> { { d => d.CommentRequired, true }, { d => d.ActionText, "reject" } };
        await host.InvokeAsync(() => dialogs.ShowAsync<CommentDialog>("Reject", parameters));

        // Act: typing raises input events only; the field keeps the focus.
        host.Find("textarea").Input("Threshold too low");

        // Assert
        Assert.False(host.Find("[data-testid=comment-ok]").HasAttribute("disabled"));
    }
}
