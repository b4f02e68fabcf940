using Designer.Inference.ChatModels;
using Designer.Inference.Registry;

namespace Designer.Inference.Tests.ChatModels;

/// <summary>Issue 12: chat-model versions are governed like ONNX models, and carry no keys or unapproved endpoints.</summary>
public sealed class Issue12ChatModelRegistryTests : IDisposable
{
    private const string Allowed = "https://llm.internal.example/v1";
    private readonly TempDirectory _directory = new();
    private readonly FileChatModelRegistry _registry;

    public Issue12ChatModelRegistryTests()
    {
        _registry = new FileChatModelRegistry(_directory.Path, TimeProvider.System, new ChatModelOptions { AllowedEndpoints = [Allowed] });
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task RegisterAsync_UnapprovedEndpoint_RefusedWithProblem()
    {
        var registration = Registration() with { Endpoint = "http://169.254.169.254/latest" };

        var error = await Assert.ThrowsAsync<ChatModelGovernanceException>(() => _registry.RegisterAsync(registration, TestContext.Current.CancellationToken));

        Assert.Contains(error.Problems, p => p.StartsWith("endpoint:", StringComparison.Ordinal));
        Assert.Empty(await _registry.ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RegisterAsync_KeyInsteadOfSecretName_RefusedAndEveryProblemListed()
    {
        var registration = Registration() with { ApiKeySecret = "sk-proj-abcdefghijklmnopqrstuvwxyz012345", Temperature = 5 };

        var error = await Assert.ThrowsAsync<ChatModelGovernanceException>(() => _registry.RegisterAsync(registration, TestContext.Current.CancellationToken));

        Assert.Contains(error.Problems, p => p.StartsWith("apiKeySecret:", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("temperature:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SetStatusAsync_UpgradeApprovedByItsRegistrant_RefusedAndOldVersionStaysLatest()
    {
        var ct = TestContext.Current.CancellationToken;
        var v1 = await _registry.RegisterAsync(Registration(), ct);
        await _registry.SetStatusAsync(v1.Id, v1.Version, ModelStatus.Approved, "approver-1", ct);
        var v2 = await _registry.RegisterAsync(Registration() with { ModelName = "gpt-4.1-mini", RegisteredBy = "author-2" }, ct);

        await Assert.ThrowsAsync<ChatModelGovernanceException>(() => _registry.SetStatusAsync(v2.Id, v2.Version, ModelStatus.Approved, "author-2", ct));

        Assert.Equal(ModelStatus.PendingApproval, v2.Status);
        Assert.Equal(1, (await _registry.GetAsync("drafter", null, ct))!.Version);
        var approved = await _registry.SetStatusAsync(v2.Id, v2.Version, ModelStatus.Approved, "approver-1", ct);
        Assert.Equal("approver-1", approved.StatusChangedBy);
        Assert.Equal(2, (await _registry.GetAsync("drafter", null, ct))!.Version);
    }

    [Fact]
    public async Task RegisterAsync_StoredFile_HoldsTheSecretNameNotTheKey()
    {
        var ct = TestContext.Current.CancellationToken;

        var version = await _registry.RegisterAsync(Registration(), ct);

        var stored = await File.ReadAllTextAsync(Path.Combine(_directory.Path, "drafter", "1.json"), ct);
        Assert.Contains("\"apiKeySecret\": \"OpenAiKey\"", stored, StringComparison.Ordinal);
        Assert.Equal(ModelStatus.PendingApproval, version.Status);
        Assert.Null(await _registry.GetAsync("drafter", null, ct));
    }

    [Fact]
    public void Validate_OptionsWithRelativeEndpoint_ReportsProblem()
    {
        var problems = ChatModelServices.Validate(new ChatModelOptions { AllowedEndpoints = ["localhost:11434"] });

        Assert.Single(problems);
    }

    private static ChatModelRegistration Registration() => new()
    {
        Id = "drafter",
        Provider = ChatProviderKinds.OpenAi,
        Endpoint = Allowed,
        ModelName = "gpt-4.1",
        InputPricePer1K = 0.002m,
        OutputPricePer1K = 0.008m,
        ContextWindow = 128_000,
        ApiKeySecret = "OpenAiKey",
        RegisteredBy = "author-1",
    };
}
