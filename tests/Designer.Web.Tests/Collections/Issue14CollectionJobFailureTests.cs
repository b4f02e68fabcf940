using Designer.Persistence;
using Designer.Retrieval;
using Designer.Retrieval.Collections;
using Designer.Retrieval.Embeddings;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Designer.Web.Tests.Collections;

/// <summary>
/// Issue 14 item 7: a collection job that fails, and whose failure cannot even be recorded (the database away), never
/// ends the worker: an exception escaping a background service stops the whole host.
/// </summary>
public sealed class Issue14CollectionJobFailureTests
{
    [Fact]
    public async Task Worker_Issue14JobFailsAndRecordingFails_KeepsPollingAndNeverFaults()
    {
        // Arrange
        await using var factory = new DesignerWebFactory();
        var services = factory.Services;
        var now = DateTimeOffset.UtcNow;
        var job = new CollectionJobRecord(Guid.NewGuid(), Guid.NewGuid(), CollectionJobKind.Ingest, CollectionJobStatus.Queued, 1, 0, null, null, false, null, now, null, 0, null, null);
        var (store, state) = FailingCollectionStore.Create(job);
        using var queue = new CollectionJobQueue();
        using var worker = new CollectionJobWorker(
            store, services.GetRequiredService<IEmbeddingModelCatalog>(), services.GetRequiredService<VectorIndexBackends>(), queue,
            Options.Create(new RetrievalOptions { JobPollInterval = TimeSpan.FromMilliseconds(50) }), NullLogger<CollectionJobWorker>.Instance);

        // Act: the worker takes the job, fails it, fails to record that, and must go on polling.
        await worker.StartAsync(TestContext.Current.CancellationToken);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (state.Polls < 3 && worker.ExecuteTask is { IsCompleted: false } && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        // Assert
        Assert.False(worker.ExecuteTask!.IsCompleted, worker.ExecuteTask.Exception?.ToString());
        Assert.True(state.Polls >= 3);
        await worker.StopAsync(TestContext.Current.CancellationToken);
    }
}
