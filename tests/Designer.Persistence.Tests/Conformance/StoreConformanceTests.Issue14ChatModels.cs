using Designer.Inference.ChatModels;
using Designer.Inference.Registry;
using Designer.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Tests.Conformance;

/// <summary>Issue 14: chat-model versions are database rows shared by every host, each change audited in its transaction.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task ChatRegistry_Issue14_ApprovedOnHostA_IsSeenOnHostBWithEntries()
    {
        // Arrange
        await using var cluster = await RegistryClusterAsync();
        var registered = await cluster.A.Chat.RegisterAsync(ChatRegistration(), Ct);

        // Act
        var pendingOnB = await cluster.B.Chat.GetAsync("local-llm", 1, Ct);
        await cluster.A.AuditedChat.SetStatusAsync("local-llm", registered.Version, ModelStatus.PendingApproval, ModelStatus.Approved, Bob.Id,
            v => new ModelAuditEntry(Bob.Id, Bob.Name, "chat-model.approved", DatabaseChatModelRegistry.Describe(v)), Ct);
        var approvedOnB = await cluster.B.Chat.GetAsync("local-llm", null, Ct);

        // Assert
        Assert.Equal((1, ModelStatus.PendingApproval), (pendingOnB!.Version, pendingOnB.Status));
        Assert.NotNull(approvedOnB);
        Assert.Equal((1, ModelStatus.Approved, Bob.Id, Alice.Id), (approvedOnB.Version, approvedOnB.Status, approvedOnB.StatusChangedBy, approvedOnB.RegisteredBy));
        Assert.Equal(RegistryHost.ChatEndpoint, approvedOnB.Endpoint);
        var entries = (await cluster.Storage.Audit.ListAsync(1, 50, "local-llm@1", Ct)).Items;
        Assert.Equal(["chat-model.approved", "chat-model.registered"], entries.Select(e => e.Action).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.Equal("chat-model", e.EntityType));
    }

    [Fact]
    public async Task ChatRegistry_Issue14_AuditAppendFails_NothingRegisteredOrApproved()
    {
        // Arrange: one pending version, then every audit insert is refused.
        await using var cluster = await RegistryClusterAsync();
        await cluster.A.Chat.RegisterAsync(ChatRegistration(), Ct);
        await RefuseAuditInsertsAsync(cluster.Storage);

        // Act
        var approve = () => cluster.A.Chat.SetStatusAsync("local-llm", 1, ModelStatus.Approved, Bob.Id, Ct);
        var register = () => cluster.A.Chat.RegisterAsync(ChatRegistration() with { ModelName = "other" }, Ct);

        // Assert: no approved chat model and no version without its entry, on either host.
        await Assert.ThrowsAnyAsync<DbUpdateException>(approve);
        await Assert.ThrowsAnyAsync<DbUpdateException>(register);
        var versions = await cluster.B.Chat.ListAsync(Ct);
        Assert.Equal((1, ModelStatus.PendingApproval), (Assert.Single(versions).Version, versions[0].Status));
    }

    [Fact]
    public async Task ChatRegistry_Issue14_RegistrantApproves_RefusedOnAnyHost()
    {
        // Arrange
        await using var cluster = await RegistryClusterAsync();
        await cluster.A.Chat.RegisterAsync(ChatRegistration(), Ct);

        // Act
        var selfApprove = () => cluster.B.Chat.SetStatusAsync("local-llm", 1, ModelStatus.Approved, Alice.Id, Ct);

        // Assert
        var error = await Assert.ThrowsAsync<ChatModelGovernanceException>(selfApprove);
        Assert.Contains("Four-eyes", error.Problems[0], StringComparison.Ordinal);
        Assert.Null(await cluster.A.Chat.GetAsync("local-llm", null, Ct));
    }

    [Fact]
    public async Task ChatRegistry_Issue14_SecondReviewOnOtherHost_IsRefused()
    {
        // Arrange: host A approves.
        await using var cluster = await RegistryClusterAsync();
        await cluster.A.Chat.RegisterAsync(ChatRegistration(), Ct);
        await cluster.A.AuditedChat.SetStatusAsync("local-llm", 1, ModelStatus.PendingApproval, ModelStatus.Approved, Bob.Id,
            v => new ModelAuditEntry(Bob.Id, Bob.Name, "chat-model.approved", null), Ct);

        // Act: host B rejects what it still believes is pending.
        var reject = () => cluster.B.AuditedChat.SetStatusAsync("local-llm", 1, ModelStatus.PendingApproval, ModelStatus.Rejected, "user-carol",
            v => new ModelAuditEntry("user-carol", "Carol", "chat-model.rejected", null), Ct);

        // Assert
        await Assert.ThrowsAsync<ChatModelGovernanceException>(reject);
        Assert.Equal(ModelStatus.Approved, (await cluster.B.Chat.GetAsync("local-llm", 1, Ct))!.Status);
        var rejected = (await cluster.Storage.Audit.ListAsync(1, 50, "local-llm@1", Ct)).Items.Count(e => e.Action == "chat-model.rejected");
        Assert.Equal(0, rejected);
    }

    [Fact]
    public async Task ChatRegistry_Issue14_LegacyFolderImport_IsIdempotent()
    {
        // Arrange: host A's old folder holds an approved v1 and a pending v2, written by the old file registry.
        await using var cluster = await RegistryClusterAsync();
        using (var old = new FileChatModelRegistry(
            Path.Combine(cluster.A.DataDirectory, "chat-models"), TimeProvider.System, new ChatModelOptions { AllowedEndpoints = [RegistryHost.ChatEndpoint] }))
        {
            await old.RegisterAsync(ChatRegistration(), Ct);
            await old.SetStatusAsync("local-llm", 1, ModelStatus.Approved, Bob.Id, Ct);
            await old.RegisterAsync(ChatRegistration(), Ct);
        }

        // Act: host A imports on first use; host B and a restarted A do not import again.
        var seenOnA = await cluster.A.Chat.ListAsync(Ct);
        var seenOnB = await cluster.B.Chat.ListAsync(Ct);
        await using var restarted = RegistryHost.Create(cluster.Storage, cluster.A.DataDirectory, cluster.Store);
        var seenAfterRestart = await restarted.Chat.ListAsync(Ct);

        // Assert
        Assert.Equal([(1, ModelStatus.Approved), (2, ModelStatus.PendingApproval)], seenOnB.Select(v => (v.Version, v.Status)));
        Assert.Equal(2, seenOnA.Count);
        Assert.Equal(2, seenAfterRestart.Count);
        Assert.Equal(Bob.Id, seenOnB[0].StatusChangedBy);
        var imported = (await cluster.Storage.Audit.ListAsync(1, 100, null, Ct)).Items.Count(e => e.Action == "chat-model.imported");
        Assert.Equal(2, imported);
    }

    private static ChatModelRegistration ChatRegistration() => new()
    {
        Id = "local-llm",
        Provider = ChatProviderKinds.OpenAiCompatible,
        Endpoint = RegistryHost.ChatEndpoint,
        ModelName = "llama-3.1-8b",
        RegisteredBy = Alice.Id,
    };
}
