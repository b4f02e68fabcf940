using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Web.Notifications;

namespace Designer.Web.Tests.Notifications;

/// <summary>Issue 16: what a subscriber receives about a failed run — masks, never a vault token or a value.</summary>
public sealed class Issue16NotificationPayloadTests
{
    [Fact]
    public void Body_Issue16_ErrorWithVaultToken_SentAsMaskWithoutInputOrOutput()
    {
        // Arrange: the run's error as the store keeps it, its e-mail address a vault token.
        var runId = Guid.NewGuid();
        var notification = new NotificationRecord(
            Guid.NewGuid(), Guid.NewGuid(), "ops", "run.failed", DateTimeOffset.UnixEpoch, runId, Guid.NewGuid(), 3,
            RunStatus.Faulted, null, "Node 'notify' failed: no mailbox «email:abcdefghijkl»", NotificationState.Pending, 0, null, null);

        // Act
        var body = JsonNode.Parse(NotificationPayload.Body(notification))!;

        // Assert
        Assert.Equal("Node 'notify' failed: no mailbox [email]", body["run"]!["error"]!.GetValue<string>());
        Assert.Equal(runId, body["run"]!["id"]!.GetValue<Guid>());
        Assert.Null(body["run"]!["input"]);
        Assert.Null(body["run"]!["output"]);
    }
}
