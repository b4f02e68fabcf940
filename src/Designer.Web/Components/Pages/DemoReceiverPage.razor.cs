using Designer.Web.Demo;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.Pages;

/// <summary>
/// Admins and operators see what the Development demo receiver got (issue 16): the refund calls of the seeded
/// "Dispute triage" workflow, their idempotency keys and compensations. Outside Development the receiver is not
/// registered and its paths answer 404 before this page is reached.
/// </summary>
public sealed partial class DemoReceiverPage
{
    private IReadOnlyList<DemoReceiverCall>? _calls;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <inheritdoc />
    protected override void OnInitialized() => Load();

    private void Load() => _calls = Services.GetService<DemoReceiver>()?.Calls();
}
