using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Web.Demo;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;
using Designer.Workflows.Catalogue;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Actions;

/// <summary>
/// Issue 16, item 4: in Development with the demo seeded, the app hosts a receiver, approves the <c>demo-refunds</c>
/// connection to it and seeds "Dispute triage" with a refund action on its auto-resolve branch. The app listens on
/// Kestrel, so the action really goes out over HTTP and back in, as it does on a developer's machine.
/// </summary>
public sealed class Issue16DemoReceiverTests(Issue16DemoReceiverTests.Fixture fixture) : IClassFixture<Issue16DemoReceiverTests.Fixture>
{
    private const string ReceiverKey = "demo-receiver-test-key";

    [Fact]
    public async Task SeedDemo_Issue16_Development_DraftCallsRefundBeforeAutoResolveAndValidates()
    {
        // Arrange
        var definition = await fixture.SeededDraftAsync();
        var author = await fixture.ClientAsync("author");

        // Act
        var refund = definition.Nodes.Single(n => n.Id == "refund");
        var validation = await (await author.PostJsonAsync($"/api/workflows/{await fixture.SeededIdAsync()}/draft/validate")).Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(NodeKinds.Action, refund.Kind);
        Assert.Equal(DemoWorkflows.RefundConnection, refund.Config["connection"]!.GetValue<string>());
        Assert.Equal("DELETE", refund.Config["compensation"]!["method"]!.GetValue<string>());
        Assert.Contains(definition.Edges, e => e.From == new PortRef("policy", "pass") && e.To.Node == "refund");
        Assert.Contains(definition.Edges, e => e.From == new PortRef("refund", "ok") && e.To.Node == "auto");
        // The connection is approved here: the validator knows it (other problems, such as an untrained model, may remain).
        Assert.DoesNotContain("Action connection", validation, StringComparison.Ordinal);
        Assert.DoesNotContain("\"refund\"", validation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoRun_Issue16_AutoResolveBranch_ReceiverRecordsRefundWithRunAndNodeKey()
    {
        // Arrange: the seeded draft without its model and retrieval steps (no model is trained here), as RunApiFixture does.
        var id = await fixture.PublishAsync(GateOnly(await fixture.SeededDraftAsync()));
        var operatorClient = await fixture.ClientAsync("operator");

        // Act
        var response = await operatorClient.PostJsonAsync($"/api/workflows/{id}/runs?wait=PT60S", new { input = RunApiFixture.Input(42.5) });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await response.ReadObjectAsync();
        Assert.True(run["status"]!.GetValue<string>() == "completed", run.ToJsonString());
        Assert.Equal("auto", run["endNode"]!.GetValue<string>());
        var runId = run["id"]!.GetValue<Guid>();
        var call = Assert.Single(fixture.Receiver.Calls(), c => c.IdempotencyKey == $"{runId:D}:refund:1");
        Assert.Equal("POST", call.Method);
        Assert.Equal("/demo/receiver/refunds", call.Path);
        Assert.Equal(201, call.Status);
        Assert.False(call.Replayed);
        Assert.Equal(42.5, JsonNode.Parse(call.Body)!["amount"]!.GetValue<double>());
        var trace = await (await operatorClient.GetAsync($"/api/runs/{runId}/trace")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(ReceiverKey, trace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refund_Issue16_RepeatedIdempotencyKey_OneEffectAndFirstResultReplayed()
    {
        // Arrange
        using var client = fixture.Anonymous();
        var key = "test:" + Guid.NewGuid().ToString("N");
        var before = fixture.Receiver.RefundsIssued;

        // Act
        var first = await client.SendAsync(Refund(key, ReceiverKey));
        var second = await client.SendAsync(Refund(key, ReceiverKey));

        // Assert
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal((await first.ReadObjectAsync())["id"]!.GetValue<string>(), (await second.ReadObjectAsync())["id"]!.GetValue<string>());
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(before + 1, fixture.Receiver.RefundsIssued);
        Assert.Equal([false, true], fixture.Receiver.Calls().Where(c => c.IdempotencyKey == key).Reverse().Select(c => c.Replayed));
    }

    [Fact]
    public async Task Reverse_Issue16_Compensation_ReversesOnceAndUnknownRefundIsNotFound()
    {
        // Arrange
        using var client = fixture.Anonymous();
        var key = "test:" + Guid.NewGuid().ToString("N");
        var refundId = (await (await client.SendAsync(Refund(key, ReceiverKey))).ReadObjectAsync())["id"]!.GetValue<string>();

        // Act
        var first = await client.SendAsync(Reverse(refundId, key + ":compensate"));
        var repeated = await client.SendAsync(Reverse(refundId, key + ":compensate"));
        var unknown = await client.SendAsync(Reverse("rf-none", key + ":other"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("reversed", (await first.ReadObjectAsync())["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.True(repeated.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains(fixture.Receiver.Calls(), c => c.Method == "DELETE" && c.Path == $"/demo/receiver/refunds/{refundId}" && !c.Replayed);
    }

    [Fact]
    public async Task Refund_Issue16_WrongOrMissingReceiverKey_UnauthorizedAndNothingRecorded()
    {
        // Arrange
        using var client = fixture.Anonymous();
        var key = "test:" + Guid.NewGuid().ToString("N");
        var signedIn = await fixture.ClientAsync("admin");

        // Act
        var wrong = await client.SendAsync(Refund(key, "not-the-key"));
        var userOnly = await signedIn.SendAsync(Refund(key, null));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, userOnly.StatusCode);
        Assert.DoesNotContain(fixture.Receiver.Calls(), c => c.IdempotencyKey == key);
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("operator", true)]
    [InlineData("author", false)]
    [InlineData("approver", false)]
    [InlineData("viewer", false)]
    public async Task Page_Issue16_Role_OnlyAdminsAndOperatorsSeeTheCalls(string role, bool allowed)
    {
        // Arrange
        var client = await fixture.ClientAsync(role);

        // Act
        var response = await client.GetAsync("/demo/receiver");

        // Assert
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(allowed, html.Contains("data-testid=\"demo-receiver-", StringComparison.Ordinal));
    }

    private static HttpRequestMessage Refund(string idempotencyKey, string? receiverKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/demo/receiver/refunds")
        {
            Content = JsonContent.Create(new { amount = 10, currency = "EUR" }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (receiverKey is not null)
        {
            request.Headers.Add("X-Demo-Receiver-Key", receiverKey);
        }

        return request;
    }

    private static HttpRequestMessage Reverse(string refundId, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/demo/receiver/refunds/{refundId}");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        request.Headers.Add("X-Demo-Receiver-Key", ReceiverKey);
        return request;
    }

    /// <summary>The seeded workflow without the retrieval and model steps; the refund branch is untouched.</summary>
    private static WorkflowDefinition GateOnly(WorkflowDefinition definition)
    {
        definition.Name = "Demo refund";
        definition.Nodes = [.. definition.Nodes.Where(n => n.Id is not ("similar" or "risk"))];
        var rules = definition.Nodes.Single(n => n.Id == "policy").Config["rules"]!.AsArray();
        rules.Remove(rules.Single(r => r!["id"]!.GetValue<string>() == "high-risk"));
        definition.Nodes.Single(n => n.Id == "draft").Config["promptTemplate"] = "Dispute: {{input.category}} claim of {{input.amount}} {{input.currency}}.";
        definition.Edges =
        [
            .. definition.Edges.Where(e => e.From.Node is not ("start" or "similar" or "risk")),
            new EdgeDefinition { Id = "e0", From = new PortRef("start", "next"), To = new PortRef("policy", NodeKinds.InputPort) },
        ];
        return definition;
    }

    /// <summary>One Development app on Kestrel (127.0.0.1, random port) with the demo seeded and a fixed receiver key.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly Dictionary<string, HttpClient> _clients = [];

        public DesignerWebFactory Factory { get; } = new();

        public DemoReceiver Receiver => Factory.Services.GetRequiredService<DemoReceiver>();

        public Uri BaseAddress { get; private set; } = default!;

        public HttpClient Anonymous() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(90) };

        public async Task<HttpClient> ClientAsync(string role)
        {
            if (!_clients.TryGetValue(role, out var client))
            {
                client = Anonymous();
                var login = await client.PostAsJsonAsync("/api/auth/login", new { email = $"{role}@demo.local", password = DesignerWebFactory.Password });
                login.EnsureSuccessStatusCode();
                var token = (await login.ReadObjectAsync())["accessToken"]!.GetValue<string>();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                _clients[role] = client;
            }

            return client;
        }

        public async Task<Guid> SeededIdAsync()
        {
            var store = Factory.Services.GetRequiredService<IWorkflowStore>();
            return Assert.Single((await store.ListWorkflowsAsync(1, 10, "Dispute triage", CancellationToken.None)).Items, w => w.Name == "Dispute triage").Id;
        }

        public async Task<WorkflowDefinition> SeededDraftAsync()
        {
            var store = Factory.Services.GetRequiredService<IWorkflowStore>();
            var draft = await store.GetDraftAsync(await SeededIdAsync(), CancellationToken.None);
            return WorkflowJson.Parse(draft!.DefinitionJson).Definition!;
        }

        public async Task<Guid> PublishAsync(WorkflowDefinition definition)
        {
            var author = await ClientAsync("author");
            var id = await author.CreateWorkflowAsync(definition.Name + " " + Guid.NewGuid().ToString("N")[..6], definition);
            var submitted = await author.PostJsonAsync($"/api/workflows/{id}/versions");
            Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await (await ClientAsync("approver")).PostJsonAsync($"/api/workflows/{id}/versions/1/approve")).StatusCode);
            return id;
        }

        public ValueTask InitializeAsync()
        {
            Factory.Settings["environment"] = "Development";
            Factory.Settings["urls"] = "http://127.0.0.1:0";
            Factory.Settings[DemoReceiverServices.KeySetting] = ReceiverKey;
            Factory.UseKestrel(0);
            Factory.StartServer();
            var address = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            await Factory.DisposeAsync();
        }
    }
}
