using System.Net;
using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Runtime.Runs;
using Designer.Web.Batches;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using BatchWorker = Designer.Web.Batches.BatchWorker;

namespace Designer.Web.Tests.Batches;

/// <summary>
/// Issue 16: a worker that starts on a batch left mid-way by a crash — one row's run started but the row not marked,
/// one row with its run id recorded but no run — finishes it without a second run for any row.
/// </summary>
public sealed class Issue16BatchResumeTests
{
    [Fact]
    public async Task Worker_Issue16_RestartMidBatch_ResumesWithoutStartingARowTwice()
    {
        // Arrange: the app's own worker is off, so the crash state below is set up undisturbed.
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new DesignerWebFactory();
        factory.Settings["Designer:Batches:RunWorker"] = "false";
        var author = await factory.ClientForAsync("author");
        var id = await author.CreateWorkflowAsync("Batch resume " + Guid.NewGuid().ToString("N")[..6], Issue16BatchFixture.Trivial());
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{id}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientForAsync("approver")).PostJsonAsync($"/api/workflows/{id}/versions/1/approve")).StatusCode);
        var services = factory.Services;
        var store = services.GetRequiredService<IBatchStore>();
        var runs = services.GetRequiredService<RunService>();
        var actor = new Actor("operator-1", "operator@demo.local");
        var input = """{"amount":1,"currency":"EUR"}""";
        var batch = (await store.CreateAsync(id, "csv", 0, [new(2, input), new(3, input), new(4, input)], actor, ct)).Value!;
        var startedId = await store.AssignRunAsync(batch.Id, 2, Guid.CreateVersion7(), ct);
        Assert.True((await runs.StartAsync(id, JsonNode.Parse(input)!.AsObject(), actor, new RunStartOptions(RunId: startedId), ct)).IsSuccess);
        var assignedId = await store.AssignRunAsync(batch.Id, 3, Guid.CreateVersion7(), ct);
        var worker = new BatchWorker(
            store, services.GetRequiredService<IRunStore>(), runs, services.GetRequiredService<RunExecutionHost>(), new BatchSignal(),
            Options.Create(new BatchOptions { PollInterval = TimeSpan.FromMilliseconds(50) }), TimeProvider.System, NullLogger<BatchWorker>.Instance);

        // Act
        await worker.StartAsync(ct);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        BatchRecord? state;
        while (!(state = await store.GetAsync(batch.Id, ct))!.Finished)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the batch did not finish: {state.Progress}");
            await Task.Delay(50, ct);
        }

        await worker.StopAsync(ct);

        // Assert
        Assert.Equal(new BatchProgress(0, 0, 0, 3, 0), state.Progress);
        var rows = await store.ListRowsAsync(batch.Id, ct);
        Assert.Equal(startedId, rows[0].RunId);
        Assert.Equal(assignedId, rows[1].RunId);
        var total = (await (await factory.ClientForAsync("approver")).GetAsync($"/api/runs?workflowId={id}&pageSize=1", ct)).ReadObjectAsync();
        Assert.Equal(3, (await total)["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task CreateAsync_Issue16_WaitingRowInput_StoredEncryptedAndReadBackForTheWorker()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new DesignerWebFactory();
        factory.Settings["Designer:Batches:RunWorker"] = "false";
        var author = await factory.ClientForAsync("author");
        var id = await author.CreateWorkflowAsync("Batch at rest " + Guid.NewGuid().ToString("N")[..6], Issue16BatchFixture.Trivial());
        var store = factory.Services.GetRequiredService<IBatchStore>();
        var input = """{"amount":1,"currency":"EUR","email":"jane.doe@example.org"}""";

        // Act
        var batch = (await store.CreateAsync(id, "csv", 0, [new(2, input)], new Actor("operator-1", "operator@demo.local"), ct)).Value!;
        await using var db = await factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<DesignerDbContext>>().CreateDbContextAsync(ct);
        var stored = db.BatchRows.Single(r => r.BatchId == batch.Id).InputJson!;
        var pending = await store.NextPendingAsync(batch.Id, 10, ct);

        // Assert
        Assert.DoesNotContain("jane.doe", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("amount", stored, StringComparison.Ordinal);
        Assert.Equal(input, Assert.Single(pending).InputJson);
    }
}
